package cn.dongcheng.platform.supervision.client;

import cn.dongcheng.platform.common.client.DependencyFailures;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/** Reads industry-service's directory stream entry by entry, so a pool of any size costs one entry of memory at a time. */
@Component
public class DirectoryStream {

    static final String SERVICE = "industry-service";

    private final IndustryDirectoryClient directory;
    private final ObjectMapper json;

    public DirectoryStream(IndustryDirectoryClient directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    /** Hands every entity matching the filters to {@code entry}; answers how many lines were read. */
    public long each(Map<String, String> filters, Consumer<DirectoryEntry> entry) {
        try (Response response = directory.stream(filters)) {
            if (response.status() != 200 || response.body() == null) {
                throw DependencyFailures.ofStatus(SERVICE, response.status());
            }
            long lines = 0;
            // read straight from the body, a JSON value per line: no line string in between
            try (MappingIterator<DirectoryEntry> entries = json.readerFor(DirectoryEntry.class).readValues(response.body().asInputStream())) {
                while (entries.hasNextValue()) {
                    entry.accept(entries.nextValue());
                    lines++;
                }
            }
            return lines;
        } catch (IOException e) {
            // a stream cut short would be a pool silently missing entities: never freeze a partial one
            throw new DependencyUnavailableException(SERVICE, "the directory stream broke off: " + e.getMessage(), e);
        }
    }
}
