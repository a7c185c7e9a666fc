package cn.dongcheng.platform.supervision.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published record of a draw (一公开): everything {@code verify/verify_draw.py} needs to recompute it offline.
 *
 * <pre>
 * { "algorithmVersion": "rfc3797-ext1",
 *   "sources": [[9319], [2, 5, 8, 10, 12], ...],         // as published, in order
 *   "keyString": "9319./2.5.8.10.12./.../",
 *   "poolDigest": "&lt;sha256 hex&gt;",
 *   "pool": {"A": ["code", ...], ...},                    // canonical order
 *   "strata": [{"stratum": "A", "ratio": "0.05", "minItems": 1, "maxItems": 10,
 *               "sampleSize": 3, "selected": ["code", ...]}, ...] }   // selection order
 * </pre>
 * The ratio is a string so it is read as an exact decimal, not a binary float.
 */
public final class DrawPublication {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DrawPublication() {
    }

    public static Map<String, Object> toMap(FrozenPool pool, PublicRandomSources sources, StratifiedDraw.Result result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("algorithmVersion", result.algorithmVersion());
        List<List<BigInteger>> src = sources.sources();
        doc.put("sources", src);
        doc.put("keyString", result.keyString());
        doc.put("poolDigest", result.poolDigest());
        doc.put("pool", pool.strata());
        doc.put("strata", result.strata().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stratum", s.stratum());
            m.put("ratio", s.ratio().toPlainString());
            m.put("minItems", s.minItems());
            m.put("maxItems", s.maxItems());
            m.put("sampleSize", s.sampleSize());
            m.put("selected", s.selectedCodes());
            return m;
        }).toList());
        return doc;
    }

    public static String toJson(FrozenPool pool, PublicRandomSources sources, StratifiedDraw.Result result) {
        try {
            return JSON.writeValueAsString(toMap(pool, sources, result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
