package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.foldbatch.input.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The template checkpoint table: the kept templates of one search, compressed and checksummed like MSAs. */
public final class JdbcTemplateCache {

    private static final Logger log = LoggerFactory.getLogger(JdbcTemplateCache.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What one template search produced and cost. */
    public record Entry(String cacheKey, String sequenceSha256, List<Template> templates, int hitsFound,
            double cpuSeconds, double wallSeconds) {
    }

    private final JdbcTemplate jdbc;
    private final CacheLookupLog lookups;

    private final NewTransactions writes;

    public JdbcTemplateCache(JdbcTemplate jdbc, CacheLookupLog lookups) {
        this(jdbc, lookups, NewTransactions.none());
    }

    public JdbcTemplateCache(JdbcTemplate jdbc, CacheLookupLog lookups, NewTransactions writes) {
        this.jdbc = jdbc;
        this.lookups = lookups;
        this.writes = writes;
    }

    public Optional<Entry> find(String cacheKey, Long jobExecutionId) {
        return lookup(cacheKey, jobExecutionId, true);
    }

    public Optional<Entry> peek(String cacheKey) {
        return lookup(cacheKey, null, false);
    }

    private Optional<Entry> lookup(String cacheKey, Long jobExecutionId, boolean record) {
        List<Entry> rows = jdbc.query("SELECT * FROM fb_template_cache WHERE cache_key = ?", (rs, i) -> {
            List<Template> templates = decode(rs.getBytes("templates_zstd"), rs.getLong("templates_bytes"),
                    rs.getString("templates_sha256"));
            return new Entry(rs.getString("cache_key"), rs.getString("sequence_sha256"), templates,
                    rs.getInt("hits_found"), rs.getDouble("cpu_seconds"), rs.getDouble("wall_seconds"));
        }, cacheKey);
        CacheLookupLog.Outcome outcome;
        Optional<Entry> result = Optional.empty();
        if (rows.isEmpty()) {
            outcome = CacheLookupLog.Outcome.MISS;
        } else if (rows.get(0).templates() == null) {
            log.warn("template cache entry {} failed its checksum; deleting it and searching again", cacheKey);
            writes.run(() -> jdbc.update("DELETE FROM fb_template_cache WHERE cache_key = ?", cacheKey));
            outcome = CacheLookupLog.Outcome.CORRUPT;
        } else {
            outcome = CacheLookupLog.Outcome.HIT;
            result = Optional.of(rows.get(0));
        }
        if (record) {
            lookups.record(jobExecutionId, "template", cacheKey, outcome,
                    result.map(Entry::cpuSeconds).orElse(null));
        }
        return result;
    }

    public void save(Entry e) {
        CompressedText packed = CompressedText.pack(encode(e.templates()));
        try {
            writes.run(() -> jdbc.update(SqlStatements.get("template_cache_insert"), e.cacheKey(), e.sequenceSha256(),
                    packed.zstd(), packed.sha256(), packed.bytes(), e.templates().size(), e.hitsFound(),
                    e.cpuSeconds(), e.wallSeconds(), Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException alreadyStored) {
            log.debug("template cache entry {} was stored by another process first", e.cacheKey());
        }
    }

    private static String encode(List<Template> templates) {
        ArrayNode array = JSON.createArrayNode();
        for (Template t : templates) {
            ObjectNode o = array.addObject();
            o.put("mmcif", t.mmcif());
            t.queryIndices().forEach(o.putArray("queryIndices")::add);
            t.templateIndices().forEach(o.putArray("templateIndices")::add);
        }
        return JSON.writeValueAsString(array);
    }

    private static List<Template> decode(byte[] packed, long size, String sha256) {
        String json = CompressedText.unpack(packed, size, sha256);
        if (json == null) {
            return null;
        }
        try {
            List<Template> templates = new ArrayList<>();
            for (JsonNode t : JSON.readTree(json)) {
                List<Integer> q = new ArrayList<>();
                List<Integer> h = new ArrayList<>();
                t.get("queryIndices").forEach(n -> q.add(n.asInt()));
                t.get("templateIndices").forEach(n -> h.add(n.asInt()));
                templates.add(new Template(t.get("mmcif").asString(), q, h));
            }
            return templates;
        } catch (RuntimeException damaged) {
            return null;
        }
    }
}
