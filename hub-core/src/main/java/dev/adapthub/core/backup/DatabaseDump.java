package dev.adapthub.core.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hub's tables as JSON lines, one file per table, one array per row in primary-key order,
 * through plain JDBC so it works the same on PostgreSQL and H2. Values are written in a portable
 * form (timestamps as UTC instants, binary as base64, decimals as text), so two dumps of equal
 * contents are equal byte for byte. Flyway's history is not dumped: a restore runs the migrations
 * up to the recorded schema version and then loads the rows.
 */
final class DatabaseDump {

    static final String FLYWAY_HISTORY = "flyway_schema_history";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatabaseDump() {
    }

    /** A dumped table: its name, file and row count. */
    record Table(String name, String file, long rows) {
    }

    /** The hub's tables in an order that loads without breaking a foreign key (referenced first). */
    static List<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_HISTORY)) {
                    names.add(name);
                }
            }
        }
        names.sort(String::compareTo);
        Map<String, Set<String>> references = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> parents = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(name)) {
                        parents.add(parent);
                    }
                }
            }
            references.put(name, parents);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!ordered.contains(name) && ordered.containsAll(references.get(name).stream()
                        .filter(names::contains).toList())) {
                    ordered.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("the tables' foreign keys form a cycle: " + references);
            }
        }
        return ordered;
    }

    /** The latest applied migration's version, or null when Flyway has not run. */
    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT version FROM " + FLYWAY_HISTORY
                        + " WHERE success = TRUE AND type = 'SQL' ORDER BY installed_rank DESC")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Writes every row of {@code table} to {@code file}; returns the row count. */
    static long export(Connection connection, String table, Path file) throws SQLException, IOException {
        List<String> key = primaryKey(connection, table);
        String order = key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key.stream().map(DatabaseDump::quote).toList());
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + quote(table) + order);
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ResultSetMetaData meta = rs.getMetaData();
            ArrayNode header = JSON.createArrayNode();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            out.write(JSON.writeValueAsString(header));
            out.write('\n');
            while (rs.next()) {
                ArrayNode row = JSON.createArrayNode();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    write(row, rs, i, meta.getColumnType(i), meta.getColumnTypeName(i));
                }
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }

    private static void write(ArrayNode row, ResultSet rs, int i, int type, String typeName) throws SQLException {
        Object probe = rs.getObject(i);
        if (probe == null) {
            row.addNull();
            return;
        }
        switch (type) {
            case Types.BOOLEAN, Types.BIT -> row.add(rs.getBoolean(i));
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> row.add(rs.getLong(i));
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> row.add(rs.getDouble(i));
            case Types.NUMERIC, Types.DECIMAL -> row.add(rs.getBigDecimal(i).toPlainString());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    row.add(Base64.getEncoder().encodeToString(rs.getBytes(i)));
            case Types.TIMESTAMP_WITH_TIMEZONE -> row.add(rs.getObject(i, OffsetDateTime.class).toInstant().toString());
            case Types.DATE -> row.add(rs.getObject(i, LocalDate.class).toString());
            case Types.TIMESTAMP -> row.add(withZone(typeName)
                    ? rs.getObject(i, OffsetDateTime.class).toInstant().toString()
                    : rs.getObject(i, LocalDateTime.class).toString());
            default -> row.add(rs.getString(i));
        }
    }

    /** Loads a dumped table into the (empty) table of the same name; returns the row count. */
    static long load(Connection connection, String table, Path file) throws SQLException, IOException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonNode header = JSON.readTree(in.readLine());
            List<String> columns = new ArrayList<>();
            header.forEach(c -> columns.add(c.asText()));
            Map<String, int[]> types = columnTypes(connection, table);
            List<String> placeholders = new ArrayList<>();
            for (String column : columns) {
                int[] t = types.get(column);
                if (t == null) {
                    throw new SQLException("the backup's table " + table + " has a column " + column
                            + " the database lacks");
                }
                placeholders.add(h2 && t[1] == 1 ? "? FORMAT JSON" : "?");
            }
            String sql = "INSERT INTO " + quote(table) + " (" + String.join(", ", columns.stream().map(DatabaseDump::quote)
                    .toList()) + ") VALUES (" + String.join(", ", placeholders) + ")";
            long rows = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (String line; (line = in.readLine()) != null; ) {
                    JsonNode row = JSON.readTree(line);
                    for (int i = 0; i < columns.size(); i++) {
                        bind(insert, i + 1, row.get(i), types.get(columns.get(i)), h2);
                    }
                    insert.addBatch();
                    if (++rows % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement insert, int i, JsonNode value, int[] type, boolean h2)
            throws SQLException {
        int sqlType = type[0];
        if (value == null || value.isNull()) {
            insert.setNull(i, sqlType);
            return;
        }
        switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(i, value.asBoolean());
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> insert.setLong(i, value.asLong());
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> insert.setDouble(i, value.asDouble());
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(i, new BigDecimal(value.asText()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(i, Base64.getDecoder().decode(value.asText()));
            case Types.TIMESTAMP_WITH_TIMEZONE -> insert.setObject(i, utc(value.asText()));
            case Types.DATE -> insert.setObject(i, LocalDate.parse(value.asText()));
            case Types.TIMESTAMP -> {
                if (type[2] == 1) {
                    insert.setObject(i, utc(value.asText()));
                } else {
                    insert.setObject(i, LocalDateTime.parse(value.asText()));
                }
            }
            case Types.OTHER -> insert.setObject(i, value.asText(), Types.OTHER);
            default -> {
                if (type[1] == 1 && !h2) {
                    insert.setObject(i, value.asText(), Types.OTHER);
                } else {
                    insert.setString(i, value.asText());
                }
            }
        }
    }

    private static OffsetDateTime utc(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** Column name → {JDBC type, 1 when JSON, 1 when a timestamp with a zone}. */
    private static Map<String, int[]> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, int[]> types = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String typeName = meta.getColumnTypeName(i);
                types.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), new int[] {meta.getColumnType(i),
                        typeName.toLowerCase(Locale.ROOT).startsWith("json") ? 1 : 0, withZone(typeName) ? 1 : 0});
            }
        }
        return types;
    }

    private static boolean withZone(String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        return name.equals("timestamptz") || name.contains("with time zone");
    }

    /** Sets every identity column's next value past the loaded rows. */
    static void restartIdentities(Connection connection, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        for (String column : identities) {
            long next;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(" + quote(column) + "), 0) + 1 FROM "
                            + quote(table))) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " RESTART WITH "
                        + next);
            }
        }
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        Map<Integer, String> key = new java.util.TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(key.values());
    }

    private static String quote(String identifier) {
        return '"' + identifier.toLowerCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }
}
