package dev.retort.spi;

/** DROP EXTENSION. */
public record DropExtension(String name, boolean ifExists) implements Operation {
    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
