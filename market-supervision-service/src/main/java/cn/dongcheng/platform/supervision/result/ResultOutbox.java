package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.supervision.client.CreditSpotCheckClient;
import cn.dongcheng.platform.supervision.client.SpotCheckDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Relays published results to credit-service (the outbox): at start-up and then every
 * {@code supervision.outbox.relay-interval}, the pending entries are sent with the service's own client-credentials
 * token (no caller is being served, so the relay's Feign call carries the service token) and marked delivered only
 * once credit-service accepted them. A crash between credit's acceptance and the mark re-sends the result later:
 * credit-service keys it by department and source id (the result id), so it is stored once.
 */
@Component
public class ResultOutbox {

    private static final Logger log = LoggerFactory.getLogger(ResultOutbox.class);
    /** Results per delivery (credit-service accepts more; a small batch keeps one failure's blast radius small). */
    static final int BATCH = 100;

    private final InspectionResults results;
    private final CreditSpotCheckClient credit;
    private final Clock clock;

    public ResultOutbox(InspectionResults results, CreditSpotCheckClient credit, Clock clock) {
        this.results = results;
        this.credit = credit;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        relayQuietly();
    }

    @Scheduled(initialDelayString = "${supervision.outbox.relay-interval:PT30S}", fixedDelayString = "${supervision.outbox.relay-interval:PT30S}")
    public void scheduled() {
        relayQuietly();
    }

    private void relayQuietly() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("outbox relay stopped early, retried next round: {}", e.getMessage());
        }
    }

    /** Sends what is pending; answers how many results credit-service accepted. One relay at a time per instance. */
    public synchronized int relay() {
        int delivered = 0;
        while (true) {
            List<InspectionResult> pending = results.pending(BATCH);
            if (pending.isEmpty()) {
                return delivered;
            }
            String at = OffsetDateTime.now(clock).toString();
            SpotCheckDelivery.Report report;
            try {
                report = credit.deliver(new SpotCheckDelivery(pending.stream().map(ResultOutbox::toCredit).toList()));
            } catch (RuntimeException e) {
                pending.forEach(r -> results.updateDelivery(r.resultId(), d -> d.failed(at, e.getMessage())));
                log.info("credit-service did not accept {} result(s), kept in the outbox: {}", pending.size(), e.getMessage());
                return delivered;
            }
            Map<String, String> recordIds = new HashMap<>();
            report.results().forEach(i -> recordIds.put(i.sourceId(), i.recordId()));
            for (InspectionResult r : pending) {
                results.updateDelivery(r.resultId(), d -> d.delivered(at, recordIds.get(r.resultId())));
            }
            delivered += pending.size();
        }
    }

    static SpotCheckDelivery.Result toCredit(InspectionResult r) {
        return new SpotCheckDelivery.Result(r.taskId(), r.uscc(), r.inspectionEndDate(), r.outcome().name(), r.details(), r.department(),
                r.resultId());
    }
}
