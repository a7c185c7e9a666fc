package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.credit.client.EnterpriseBatch;
import cn.dongcheng.platform.credit.client.EnterpriseSummary;
import cn.dongcheng.platform.credit.client.IndustryClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryEntriesTest {

    private static final String CODE = "91110000802100433B";

    /** industry-service as seen through Feign: answers with the caller's view, or is down. */
    private static final class Industry implements IndustryClient {
        boolean down;
        final List<String> calls = new ArrayList<>();
        String legalRepresentative = "梁**";

        @Override
        public EnterpriseSummary enterprise(String uscc) {
            calls.add(uscc);
            if (down) {
                throw new DependencyUnavailableException("industry-service", "connection refused", null);
            }
            return new EnterpriseSummary(uscc, "北京百度网讯科技有限公司", "ACTIVE", "110101006", "I", "6421", legalRepresentative);
        }

        @Override
        public EnterpriseBatch enterprises(EnterpriseBatch.Request request) {
            throw new UnsupportedOperationException();
        }
    }

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-30T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(8);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** credit's own copy of the directory, in memory. */
    private static final class Replica implements IdentityReplica {
        final Map<String, Kept> kept = new HashMap<>();

        @Override
        public Optional<Kept> read(String uscc) {
            return Optional.ofNullable(kept.get(uscc));
        }

        @Override
        public void keep(Collection<EnterpriseSummary> summaries, Instant at) {
            summaries.forEach(s -> kept.put(s.uscc(), new Kept(SubjectIdentity.of(s, at).kept().summary(), at)));
        }
    }

    private final Industry industry = new Industry();
    private final Replica replica = new Replica();
    private final Moving clock = new Moving();
    private final DirectoryEntries entries = new DirectoryEntries(industry, replica, clock,
            new DirectoryEntries.Freshness(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofDays(1), Duration.ofDays(30)), 1000);
    /** The memory alone: a replica entry is never young enough to answer, nor to be shown stale. */
    private final DirectoryEntries memoryOnly = new DirectoryEntries(industry, replica, clock,
            new DirectoryEntries.Freshness(Duration.ofMinutes(10), Duration.ofHours(24), Duration.ZERO, Duration.ZERO), 1000);

    @Test
    void aFreshEntryAnswersWithoutACallAndAnOldOneIsAskedAgain() {
        assertThat(memoryOnly.of(CODE, false).source()).isEqualTo(DirectoryEntries.Source.LIVE);
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(memoryOnly.of(CODE, false).source()).isEqualTo(DirectoryEntries.Source.CACHED);
        assertThat(industry.calls).hasSize(1);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(memoryOnly.of(CODE, false).source()).isEqualTo(DirectoryEntries.Source.LIVE);
        assertThat(industry.calls).hasSize(2);
    }

    @Test
    void whileIndustryIsDownTheLastKnownEntryIsShownAsStaleAndWithoutOneNothing() {
        memoryOnly.of(CODE, false);
        industry.down = true;
        clock.now = clock.now.plus(Duration.ofHours(1));

        DirectoryEntries.Entry stale = memoryOnly.of(CODE, false);
        assertThat(stale.source()).isEqualTo(DirectoryEntries.Source.STALE);
        assertThat(stale.summary().name()).isEqualTo("北京百度网讯科技有限公司");
        assertThat(stale.fetchedAt().toInstant()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));

        DirectoryEntries.Entry none = memoryOnly.of("91350100M000100Y43", false);
        assertThat(none.source()).isEqualTo(DirectoryEntries.Source.UNAVAILABLE);
        assertThat(none.summary()).isNull();
    }

    @Test
    void aMaskedCallerNeverGetsAnUnmaskedCallersEntry() {
        industry.legalRepresentative = "梁志祥";
        memoryOnly.of(CODE, true);
        industry.legalRepresentative = "梁**";

        assertThat(memoryOnly.of(CODE, false).summary().legalRepresentative()).isEqualTo("梁**");
        assertThat(memoryOnly.of(CODE, true).summary().legalRepresentative()).isEqualTo("梁志祥");
    }

    @Test
    void aMaskedCallerIsAnsweredFromTheReplicaWhileItsEntryIsYoungerThanADayWithoutACall() {
        replica.keep(List.of(new EnterpriseSummary(CODE, "北京百度网讯科技有限公司", "ACTIVE", "110101006", "I", "6421", "梁志祥")),
                clock.now.minus(Duration.ofHours(23)));

        DirectoryEntries.Entry answer = entries.of(CODE, false);
        assertThat(answer.source()).isEqualTo(DirectoryEntries.Source.CACHED);
        assertThat(answer.fetchedAt().toInstant()).isEqualTo(clock.now.minus(Duration.ofHours(23)));
        assertThat(answer.summary().legalRepresentative()).as("the replica keeps it masked only").isEqualTo("梁**");
        assertThat(industry.calls).isEmpty();

        clock.now = clock.now.plus(Duration.ofHours(2)); // now 25 h old: asked again, and kept anew
        assertThat(entries.of(CODE, false).source()).isEqualTo(DirectoryEntries.Source.LIVE);
        assertThat(industry.calls).hasSize(1);
        assertThat(replica.kept.get(CODE).fetchedAt()).isEqualTo(clock.now);
    }

    @Test
    void aCallerWhoSeesTheLegalRepresentativeUnmaskedIsNeverAnsweredFromTheReplica() {
        replica.keep(List.of(new EnterpriseSummary(CODE, "北京百度网讯科技有限公司", "ACTIVE", "110101006", "I", "6421", "梁志祥")), clock.now);
        industry.legalRepresentative = "梁志祥";

        assertThat(entries.of(CODE, true).summary().legalRepresentative()).isEqualTo("梁志祥");
        assertThat(industry.calls).hasSize(1);
    }

    @Test
    void whileIndustryIsDownAnOldReplicaEntryIsStaleUpToThirtyDaysThenNothing() {
        industry.down = true;
        replica.keep(List.of(new EnterpriseSummary(CODE, "北京百度网讯科技有限公司", "ACTIVE", "110101006", "I", "6421", "梁志祥")),
                clock.now.minus(Duration.ofDays(29)));
        assertThat(entries.of(CODE, false).source()).isEqualTo(DirectoryEntries.Source.STALE);

        clock.now = clock.now.plus(Duration.ofDays(2));
        assertThat(entries.of(CODE, false).source()).isEqualTo(DirectoryEntries.Source.UNAVAILABLE);
    }
}
