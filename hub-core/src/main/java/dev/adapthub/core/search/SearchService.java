package dev.adapthub.core.search;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.namespace.Names;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Search over repositories (full text of names, cards and READMEs), chips and organizations, with facets.
 * The words narrow the candidates in the database: PostgreSQL's full text search ({@code to_tsvector} and
 * {@code plainto_tsquery} with the English configuration, so "adapting" finds "adapted") where PostgreSQL
 * runs, a {@code LIKE} per word on H2. Words in Chinese (no spaces to split on) are matched with
 * {@code LIKE} on both. Facets are then counted over at most {@value #MAX_CANDIDATES} candidates, each
 * value counted as if chosen with the other facets kept, as faceted search pages do.
 */
@Service
public class SearchService {

    static final int MAX_CANDIDATES = 2_000;
    /**
     * The PostgreSQL full-text condition on a search document ({@code s}); V23's GIN index is built on
     * exactly this expression, so a change here must come with a new index.
     */
    public static final String FULL_TEXT_MATCH =
            "to_tsvector('english', s.document) @@ plainto_tsquery('english', ?)";
    static final int MAX_SUGGESTIONS = 8;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final JdbcTemplate jdbc;
    private final SearchDocuments documents;
    private final RepoService repos;
    private final OrganizationService organizations;
    private final ChipCenter chips;
    private volatile Boolean postgres;

    SearchService(JdbcTemplate jdbc, SearchDocuments documents, RepoService repos, OrganizationService organizations,
            ChipCenter chips) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.repos = repos;
        this.organizations = organizations;
        this.chips = chips;
    }

    /** A repository as the facets see it. */
    private record Candidate(long id, RepoKind kind, String license, String task, Set<String> chipIds,
            Set<String> families, Set<String> vendors, Set<String> engines, List<String> validatedChips,
            double rank, Timestamp updatedAt, String address, long likes, long downloads, long trending) {
    }

    public SearchResults search(SearchRequest request, Account viewer) {
        documents.catchUp(SearchDocuments.CATCH_UP_PER_SEARCH);
        List<Candidate> candidates = candidates(request, viewer);
        Map<String, Predicate<Candidate>> filters = filters(request);
        List<String> names = List.copyOf(filters.keySet());
        int[] rejected = rejections(candidates, List.copyOf(filters.values()));
        List<Candidate> matching = IntStream.range(0, candidates.size()).filter(i -> rejected[i] == 0)
                .mapToObj(candidates::get).sorted(order(request.sort())).toList();
        Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
        Facets counted = new Facets(facets, candidates, rejected, names);
        counted.count("kind", c -> Set.of(c.kind().name().toLowerCase(Locale.ROOT)),
                request.kind() == null ? "" : request.kind().name().toLowerCase(Locale.ROOT));
        counted.count("family", Candidate::families, request.family());
        counted.count("vendor", Candidate::vendors, request.vendor());
        counted.count("engine", Candidate::engines, request.engine());
        counted.count("license", c -> c.license() == null ? Set.of() : Set.of(c.license()), request.license());
        counted.count("task", c -> c.task() == null ? Set.of() : Set.of(c.task()), request.task());
        counted.count("validated", c -> c.validatedChips().isEmpty() ? Set.of() : Set.of("true"),
                request.validated() ? "true" : "");
        int from = request.page() * SearchRequest.PAGE_SIZE;
        List<SearchResults.Hit> hits = matching.stream().skip(from).limit(SearchRequest.PAGE_SIZE)
                .flatMap(c -> repos.findById(c.id()).stream().map(r -> new SearchResults.Hit(r, c.validatedChips())))
                .toList();
        return new SearchResults(request, hits, matching.size(), facets, chipsMatching(request.text()),
                organizationsMatching(request.text()));
    }

    /** Up to {@value #MAX_SUGGESTIONS} things whose names contain the words, for the box as one types. */
    public List<Suggestion> suggest(String text, Account viewer) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty() || q.length() > SearchRequest.MAX_TEXT) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        String like = "%" + escape(q) + "%";
        Readable readable = readable(viewer);
        List<Object> args = new ArrayList<>(List.of(like, like, like));
        args.addAll(readable.owners());
        args.add(escape(q) + "%");
        jdbc.query("SELECT r.id FROM repositories r WHERE (r.name_lower LIKE ? ESCAPE '\\' OR r.owner_lower LIKE ?"
                + " ESCAPE '\\' OR CONCAT(r.owner_lower, '/', r.name_lower) LIKE ? ESCAPE '\\') AND " + readable.sql()
                + " ORDER BY CASE WHEN r.name_lower LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END, r.updated_at DESC"
                + " LIMIT " + MAX_SUGGESTIONS, rs -> {
                    repos.findById(rs.getLong(1)).ifPresent(r -> out.add(new Suggestion(
                            r.kind().name().toLowerCase(Locale.ROOT), r.fullName(), "/" + r.urlPath())));
                }, args.toArray());
        for (ChipSpec chip : chipsMatching(q)) {
            out.add(new Suggestion("chip", chip.name(), "/chips/" + chip.id()));
        }
        for (String org : organizationsMatching(q)) {
            out.add(new Suggestion("organization", org, "/" + org));
        }
        return out.stream().limit(MAX_SUGGESTIONS).toList();
    }

    /** One suggestion: what it is ({@code model}, {@code dataset}, {@code tool}, {@code chip}, {@code organization}). */
    public record Suggestion(String kind, String label, String path) {
    }

    private List<Candidate> candidates(SearchRequest request, Account viewer) {
        StringBuilder sql = new StringBuilder("SELECT r.id, r.kind, r.card_license, r.card_pipeline, r.card_chips,"
                + " r.card_engines, r.updated_at, r.owner_lower, r.name_lower, r.likes_count, r.downloads_30d,"
                + " r.trending_score");
        List<Object> args = new ArrayList<>();
        List<String> words = words(request.text());
        List<String> han = words.stream().filter(w -> HAN.matcher(w).find()).toList();
        List<String> latin = words.stream().filter(w -> !HAN.matcher(w).find()).toList();
        boolean fullText = isPostgres() && !latin.isEmpty();
        String nameBoost = request.text().isEmpty() ? "0" : "CASE WHEN r.name_lower LIKE ? ESCAPE '\\' THEN 2"
                + " WHEN r.owner_lower LIKE ? ESCAPE '\\' THEN 1 ELSE 0 END";
        if (!request.text().isEmpty()) {
            String whole = "%" + escape(request.text().toLowerCase(Locale.ROOT)) + "%";
            args.add(whole);
            args.add(whole);
        }
        if (fullText) {
            sql.append(", ").append(nameBoost).append(" + ts_rank(to_tsvector('english', s.document),"
                    + " plainto_tsquery('english', ?)) AS rank");
            args.add(String.join(" ", latin));
        } else {
            sql.append(", ").append(nameBoost).append(" AS rank");
        }
        sql.append(" FROM repositories r JOIN repository_search s ON s.repository_id = r.id WHERE ");
        Readable readable = readable(viewer);
        sql.append(readable.sql());
        args.addAll(readable.owners());
        if (fullText) {
            sql.append(" AND ").append(FULL_TEXT_MATCH);
            args.add(String.join(" ", latin));
        }
        for (String word : fullText ? han : words) {
            sql.append(" AND LOWER(s.document) LIKE ? ESCAPE '\\'");
            args.add("%" + escape(word) + "%");
        }
        if (request.kind() != null) {
            sql.append(" AND r.kind = ?");
            args.add(request.kind().name());
        }
        sql.append(" ORDER BY rank DESC, r.updated_at DESC, r.id LIMIT ").append(MAX_CANDIDATES);
        Map<Long, List<String[]>> validated = validated();
        Map<String, ChipSpec> catalog = new HashMap<>();
        chips.chips().forEach(c -> catalog.put(c.id(), c));
        return jdbc.query(sql.toString(), (rs, i) -> {
            long id = rs.getLong(1);
            List<String[]> passed = validated.getOrDefault(id, List.of());
            Set<String> chipIds = new LinkedHashSet<>(split(rs.getString(5)));
            Set<String> engines = new LinkedHashSet<>(split(rs.getString(6)));
            List<String> validatedChips = new ArrayList<>();
            for (String[] row : passed) {
                chipIds.add(row[0]);
                engines.add(row[1]);
                if (!validatedChips.contains(row[0])) {
                    validatedChips.add(row[0]);
                }
            }
            Set<String> families = new TreeSet<>();
            Set<String> vendors = new TreeSet<>();
            for (String chip : chipIds) {
                ChipSpec spec = catalog.get(chip);
                if (spec != null) {
                    families.add(spec.family().name());
                    vendors.add(spec.vendor());
                }
            }
            return new Candidate(id, RepoKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), chipIds,
                    families, vendors, engines, validatedChips, rs.getDouble(13), rs.getTimestamp(7),
                    rs.getString(8) + "/" + rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
        }, args.toArray());
    }

    /** Chip id and engine of every config that passed validation, per repository. */
    private Map<Long, List<String[]>> validated() {
        Map<Long, List<String[]>> out = new HashMap<>();
        jdbc.query("SELECT repository_id, chip, engine FROM adaptation_validations WHERE verdict <> 'FAIL'"
                + " ORDER BY repository_id, chip", rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    private static Map<String, Predicate<Candidate>> filters(SearchRequest r) {
        Map<String, Predicate<Candidate>> f = new LinkedHashMap<>();
        f.put("family", c -> r.family().isEmpty() || c.families().contains(r.family().toUpperCase(Locale.ROOT)));
        f.put("vendor", c -> r.vendor().isEmpty() || c.vendors().stream().anyMatch(v -> v.equalsIgnoreCase(r.vendor())));
        f.put("engine", c -> r.engine().isEmpty() || c.engines().stream().anyMatch(e -> e.equalsIgnoreCase(r.engine())));
        f.put("license", c -> r.license().isEmpty() || r.license().equalsIgnoreCase(c.license()));
        f.put("task", c -> r.task().isEmpty() || r.task().equalsIgnoreCase(c.task()));
        f.put("validated", c -> !r.validated() || !c.validatedChips().isEmpty());
        return f;
    }

    /**
     * Which filters reject each candidate: bit {@code i} of entry {@code c} is set when the {@code i}-th
     * filter rejects candidate {@code c}. Each filter runs once per candidate; the seven facets then read
     * these bits instead of running every other filter again (2,000 candidates made that the search
     * page's largest cost).
     */
    private static int[] rejections(List<Candidate> all, List<Predicate<Candidate>> tests) {
        int[] rejected = new int[all.size()];
        for (int c = 0; c < rejected.length; c++) {
            for (int i = 0; i < tests.size(); i++) {
                if (!tests.get(i).test(all.get(c))) {
                    rejected[c] |= 1 << i;
                }
            }
        }
        return rejected;
    }

    /** The facets of one search, counted over the candidates with their {@link #rejections}. */
    private record Facets(Map<String, List<SearchResults.FacetValue>> facets, List<Candidate> all, int[] rejected,
            List<String> filterNames) {

        /**
         * Counts each value of the facet {@code name} over the candidates that pass every other filter
         * (a facet without a filter of its own, as kind, which the query narrowed, counts those passing all).
         */
        void count(String name, Function<Candidate, Set<String>> values, String chosen) {
            int own = filterNames.indexOf(name);
            int others = own < 0 ? ~0 : ~(1 << own);
            Map<String, Long> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int c = 0; c < rejected.length; c++) {
                if ((rejected[c] & others) == 0) {
                    values.apply(all.get(c)).forEach(v -> counts.merge(v, 1L, Long::sum));
                }
            }
            facets.put(name, counts.entrySet().stream()
                    .map(e -> new SearchResults.FacetValue(e.getKey(), e.getValue(), e.getKey().equalsIgnoreCase(chosen)))
                    .sorted(Comparator.comparingLong(SearchResults.FacetValue::count).reversed()
                            .thenComparing(SearchResults.FacetValue::value))
                    .toList());
        }
    }

    private static Comparator<Candidate> order(SearchSort sort) {
        Comparator<Candidate> updated = Comparator.comparing(Candidate::updatedAt, Comparator.reverseOrder());
        return switch (sort) {
            case RELEVANCE -> Comparator.comparingDouble(Candidate::rank).reversed().thenComparing(updated);
            case UPDATED -> updated.thenComparing(Candidate::address);
            case LIKES -> Comparator.comparingLong(Candidate::likes).reversed().thenComparing(updated);
            case DOWNLOADS -> Comparator.comparingLong(Candidate::downloads).reversed().thenComparing(updated);
            case TRENDING -> Comparator.comparingLong(Candidate::trending).reversed().thenComparing(updated);
            case NAME -> Comparator.comparing(Candidate::address);
        };
    }

    private List<ChipSpec> chipsMatching(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return chips.chips().stream().filter(c -> {
            String hay = (c.id() + " " + c.name() + " " + c.vendor() + " " + c.family()).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(hay::contains);
        }).limit(MAX_SUGGESTIONS).toList();
    }

    private List<String> organizationsMatching(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return organizations.all().stream().map(Organization::name)
                .filter(n -> words.stream().allMatch(w -> n.toLowerCase(Locale.ROOT).contains(w)))
                .sorted().limit(MAX_SUGGESTIONS).toList();
    }

    /** The repositories a viewer may see: public ones, and private ones of the namespaces it belongs to. */
    private record Readable(String sql, List<Object> owners) {
    }

    private Readable readable(Account viewer) {
        if (viewer == null) {
            return new Readable("r.is_private = FALSE", List.of());
        }
        if (viewer.isAdmin()) {
            return new Readable("1 = 1", List.of());
        }
        List<Object> owners = new ArrayList<>();
        owners.add(Names.lower(viewer.name()));
        organizations.organizationsOf(viewer.id()).forEach(o -> owners.add(Names.lower(o.name())));
        String marks = String.join(", ", owners.stream().map(o -> "?").toList());
        return new Readable("(r.is_private = FALSE OR r.owner_lower IN (" + marks + "))", owners);
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Stream.of(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList();
    }

    private static List<String> split(String delimited) {
        if (delimited == null || delimited.isEmpty()) {
            return List.of();
        }
        return Stream.of(delimited.split("\\|")).filter(s -> !s.isEmpty()).toList();
    }

    /** Escapes LIKE's wildcards (the statements say {@code ESCAPE '\'}). */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) (Connection c) -> {
                try {
                    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
                } catch (SQLException e) {
                    return false;
                }
            });
            postgres = known;
        }
        return known;
    }
}
