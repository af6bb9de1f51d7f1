package dev.adapthub.web.audit;

import dev.adapthub.core.audit.AuditEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The audit log as CSV (RFC 4180, one entry a row) or JSON (an array of objects). */
final class AuditExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CSV_HEADER = "id,time,actor,ip,action,target,details,repository_id";

    private AuditExport() {
    }

    static String csv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (AuditEntry e : entries) {
            out.append(e.id()).append(',').append(e.occurredAt()).append(',').append(cell(e.actor())).append(',')
                    .append(cell(e.ip())).append(',').append(cell(e.kind())).append(',').append(cell(e.target()))
                    .append(',').append(cell(e.details())).append(',')
                    .append(e.repositoryId() == null ? "" : e.repositoryId()).append("\r\n");
        }
        return out.toString();
    }

    static String json(List<AuditEntry> entries) {
        return JSON.writeValueAsString(entries.stream().map(AuditExport::map).toList());
    }

    private static Map<String, Object> map(AuditEntry e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("time", e.occurredAt().toString());
        row.put("actor", e.actor());
        row.put("ip", e.ip());
        row.put("action", e.kind());
        row.put("target", e.target());
        row.put("details", e.details());
        row.put("repositoryId", e.repositoryId());
        return row;
    }

    /**
     * One CSV cell, quoted when needed. A cell that a spreadsheet would run as a formula
     * ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading apostrophe: targets and
     * details quote what users typed.
     */
    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
