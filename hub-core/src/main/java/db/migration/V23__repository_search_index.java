package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An index for search (V23): on PostgreSQL a GIN index over the English text-search vector of each
 * repository's search document, the expression {@code SearchService.FULL_TEXT_MATCH} filters on.
 * Without it every query re-parsed every document (up to 40,000 characters each). H2 searches with
 * LIKE and has no such index, so there the migration does nothing.
 */
public class V23__repository_search_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql")) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE INDEX ix_repository_search_document ON repository_search"
                    + " USING GIN (to_tsvector('english', document))");
        }
    }
}
