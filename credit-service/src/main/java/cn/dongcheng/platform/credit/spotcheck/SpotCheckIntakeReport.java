package cn.dongcheng.platform.credit.spotcheck;

import java.util.List;

/**
 * What a delivery did, per result in the order sent: the credit record it is stored as, and {@code duplicate} when
 * exactly that result was stored already (nothing written). {@code stored} + {@code duplicates} = results sent.
 */
public record SpotCheckIntakeReport(int stored, int duplicates, List<Item> results) {

    public record Item(String department, String sourceId, String recordId, boolean duplicate) {
    }
}
