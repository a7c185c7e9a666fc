package cn.dongcheng.platform.industry.enterprise;

import org.springframework.test.context.TestPropertySource;

/**
 * The history tests again with every line its own bulk batch: the upload's two changes then sit in consecutive
 * batches, so the second one's history check runs while (or after) the first one is written. Its stored version must
 * be the first change — the pipeline waits for a write whose documents the next batch reads.
 */
@TestPropertySource(properties = {"platform.bulk.batch-size=1", "platform.bulk.max-retries=3"})
class EnterpriseHistoryAcrossBatchesIT extends EnterpriseHistoryIT {
}
