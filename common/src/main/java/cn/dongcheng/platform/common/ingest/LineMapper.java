package cn.dongcheng.platform.common.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates one parsed NDJSON line and turns it into the document to store. Throws
 * {@link cn.dongcheng.platform.common.problem.InvalidInputException} with every failed field to reject the line.
 */
@FunctionalInterface
public interface LineMapper {
    IndexedDocument map(JsonNode line);
}
