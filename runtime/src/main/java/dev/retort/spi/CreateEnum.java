package dev.retort.spi;

import java.util.List;

/** CREATE TYPE ... AS ENUM. */
public record CreateEnum(String schema, String name, List<String> values) implements Operation {
    public CreateEnum {
        values = List.copyOf(values);
    }
}
