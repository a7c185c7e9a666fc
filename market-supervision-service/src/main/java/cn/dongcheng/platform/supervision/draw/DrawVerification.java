package cn.dongcheng.platform.supervision.draw;

import java.util.List;

/**
 * A draw recomputed from its published pool, sources and algorithm version: whether the pool still has the digest
 * published before the draw, and whether every stratum's selection is what the algorithm gives.
 */
public record DrawVerification(String taskId, boolean verified, String algorithmVersion, String publishedPoolDigest,
                               String recomputedPoolDigest, String keyString, List<StratumCheck> strata) {

    public record StratumCheck(String stratum, int poolSize, int sampleSize, boolean matches, List<String> published,
                               List<String> recomputed) {
    }
}
