package dev.retort.spring;

import dev.retort.Retort;
import dev.retort.RevisionStatus;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.time.Instant;
import java.util.List;

/** {@code /actuator/retort}: every revision with whether it is applied, the heads and where the database is. */
@Endpoint(id = "retort")
public class RetortEndpoint {
    private final Retort retort;

    public RetortEndpoint(Retort retort) {
        this.retort = retort;
    }

    /** Reads the database's version and history tables now. */
    @ReadOperation
    public RetortReport report() {
        List<RevisionEntry> revisions = retort.status().stream().map(RevisionEntry::of).toList();
        return new RetortReport(retort.heads().stream().map(r -> r.id()).toList(), retort.current(), revisions);
    }

    /** The endpoint's answer. */
    public record RetortReport(List<String> heads, List<String> current, List<RevisionEntry> revisions)
            implements OperationResponseBody {
    }

    /** One revision: applied or pending, and whether its script still matches what was applied. */
    public record RevisionEntry(String id, String message, String file, boolean applied, Instant appliedAt,
                                RevisionStatus.ChecksumState checksum) {
        static RevisionEntry of(RevisionStatus s) {
            return new RevisionEntry(s.revision().id(), s.revision().message(), s.revision().file(), s.applied(),
                    s.appliedAt(), s.checksum());
        }
    }
}
