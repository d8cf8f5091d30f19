package dev.retort.spring;

import dev.retort.Retort;
import dev.retort.RevisionStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.List;

/** DOWN when the database is behind the scripts' heads or a script of an applied revision was edited. */
public class RetortHealthIndicator extends AbstractHealthIndicator {
    private final Retort retort;

    public RetortHealthIndicator(Retort retort) {
        super("Retort health check failed");
        this.retort = retort;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<RevisionStatus> status = retort.status();
        List<String> pending = status.stream().filter(s -> !s.applied()).map(s -> s.revision().id()).toList();
        List<String> edited = status.stream().filter(s -> s.checksum() == RevisionStatus.ChecksumState.EDITED)
                .map(s -> s.revision().id()).toList();
        builder.withDetail("current", retort.current())
                .withDetail("heads", retort.heads().stream().map(r -> r.id()).toList())
                .withDetail("pending", pending)
                .withDetail("edited", edited);
        if (pending.isEmpty() && edited.isEmpty()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
