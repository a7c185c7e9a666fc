package cn.dongcheng.platform.supervision.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outbox entry of a published result (发送至信用平台): kept in the result document itself, so publishing and
 * queueing for credit-service are one conditional write — neither can happen without the other.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(State state, int attempts, String lastAttemptAt, String lastError, String deliveredAt, String creditRecordId) {

    public enum State {
        PENDING, DELIVERED
    }

    public static Delivery pending() {
        return new Delivery(State.PENDING, 0, null, null, null, null);
    }

    Delivery failed(String at, String error) {
        return new Delivery(State.PENDING, attempts + 1, at, error, null, null);
    }

    Delivery delivered(String at, String recordId) {
        return new Delivery(State.DELIVERED, attempts + 1, at, null, at, recordId);
    }
}
