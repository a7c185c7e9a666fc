package cn.dongcheng.platform.industry.indicator;

import cn.dongcheng.platform.common.ingest.BatchPreparation;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.industry.classification.DesignatedSize;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a batch of reports against what is already known: the entity must be in the directory (its street,
 * industry and key flag are copied onto the report), and a year-to-date flow that falls against the previous
 * month's report is flagged with both figures.
 */
class IndicatorEnrichment implements BatchPreparation {

    private static final Map<String, Function<OperatingIndicatorDocument, Long>> MONOTONE = Map.of(
            "revenueYtd", OperatingIndicatorDocument::revenueYtd,
            "operatingCostYtd", OperatingIndicatorDocument::operatingCostYtd,
            "rdExpenseYtd", OperatingIndicatorDocument::rdExpenseYtd,
            "payrollYtd", OperatingIndicatorDocument::payrollYtd);

    private final DocumentPages pages;
    private final String directoryAlias;
    private final String indicatorAlias;

    IndicatorEnrichment(DocumentPages pages, String directoryAlias, String indicatorAlias) {
        this.pages = pages;
        this.directoryAlias = directoryAlias;
        this.indicatorAlias = indicatorAlias;
    }

    /** Each report and the previous month's report of the same entity (a falling year-to-date figure is flagged). */
    @Override
    public Collection<String> reads(List<IndexedDocument> batch) {
        Set<String> ids = new LinkedHashSet<>();
        for (IndexedDocument d : batch) {
            ids.add(d.id());
            previousMonthId((OperatingIndicatorDocument) d.source()).ifPresent(ids::add);
        }
        return ids;
    }

    private static Optional<String> previousMonthId(OperatingIndicatorDocument r) {
        return r.month() > 1 ? Optional.of(r.uscc() + ":" + YearMonth.parse(r.period()).minusMonths(1)) : Optional.empty();
    }

    @Override
    public Prepared prepare(List<IndexedDocument> batch) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> previousIds = new LinkedHashSet<>();
        for (IndexedDocument d : batch) {
            OperatingIndicatorDocument r = (OperatingIndicatorDocument) d.source();
            codes.add(r.uscc());
            previousMonthId(r).ifPresent(previousIds::add);
        }
        Map<String, EnterpriseDocument> entities = pages.getAll(directoryAlias, codes, EnterpriseDocument.class);
        Map<String, OperatingIndicatorDocument> known = new HashMap<>(pages.getAll(indicatorAlias, previousIds, OperatingIndicatorDocument.class));
        Map<String, String> rejected = new HashMap<>();
        Map<String, Object> enriched = new HashMap<>();
        Map<String, OperatingIndicatorDocument> latest = new HashMap<>();
        for (IndexedDocument d : batch) {
            OperatingIndicatorDocument r = (OperatingIndicatorDocument) d.source();
            EnterpriseDocument e = entities.get(r.uscc());
            if (e == null) {
                rejected.put(d.id(), "uscc: " + r.uscc() + " is not in the directory of market entities; register it first");
                continue;
            }
            List<String> flags = new ArrayList<>();
            OperatingIndicatorDocument previous = previousMonthId(r).map(known::get).orElse(null);
            if (previous != null) {
                MONOTONE.forEach((field, value) -> {
                    Long now = value.apply(r);
                    Long before = value.apply(previous);
                    if (now != null && before != null && now < before) {
                        flags.add(field + " fell from " + yuan(before) + " to " + yuan(now) + " against " + previous.period()
                                + " (a year-to-date figure cannot fall)");
                    }
                });
            }
            OperatingIndicatorDocument full = r.with(e.streetCode(), e.industrySection(), e.industryDivision(), e.industryClass(),
                    e.highEndCategory(), e.keyEnterprise(), flags);
            enriched.put(d.id(), full);
            known.put(d.id(), full); // the next month in the same batch compares against this one
            OperatingIndicatorDocument newest = latest.get(r.uscc());
            if (newest == null || newest.period().compareTo(r.period()) < 0) {
                latest.put(r.uscc(), full);
            }
        }
        return new Prepared(sizeClassUpdates(latest, entities), rejected, enriched);
    }

    /**
     * The entity's size class (规模以上/以下) follows its newest report: one partial update of the directory entry per
     * entity and batch, and only when the report is not older than the one the class came from.
     */
    private List<SideDocument> sizeClassUpdates(Map<String, OperatingIndicatorDocument> latest, Map<String, EnterpriseDocument> entities) {
        List<SideDocument> updates = new ArrayList<>();
        latest.forEach((uscc, r) -> {
            EnterpriseDocument e = entities.get(uscc);
            if (r.revenueYtd() == null || (e.sizeClassPeriod() != null && e.sizeClassPeriod().compareTo(r.period()) > 0)) {
                return;
            }
            DesignatedSize.SizeClass size = DesignatedSize.classify(BigDecimal.valueOf(r.revenueYtd(), 2), r.year(), r.month(),
                    e.industrySection(), e.industryDivision());
            if (size != null) {
                updates.add(new SideDocument(directoryAlias, uscc, Map.of("sizeClass", size.name(), "sizeClassPeriod", r.period()),
                        r.id(), true));
            }
        });
        return updates;
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
