package dev.adapthub.web.hf;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Query parameters as the Hugging Face clients spell them: repeated ({@code expand=a&expand=b},
 * as {@code URLSearchParams} and Python's {@code requests} send lists) or array-style
 * ({@code expand[]=likes}, as {@code repoExists} and {@code list_repo_commits} send them). Both
 * spellings mean the same list; Tomcat lets the brackets through ({@code server.tomcat.relaxed-query-chars}).
 */
final class HfParams {

    private HfParams() {
    }

    /** Every value of {@code name} and {@code name[]}, in request order, blank values left out. */
    static List<String> all(HttpServletRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            String[] found = request.getParameterValues(key);
            if (found != null) {
                for (String value : found) {
                    if (value != null && !value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values;
    }

    /** The last value of {@code name} or {@code name[]}, or null. */
    static String one(HttpServletRequest request, String name) {
        List<String> values = all(request, name);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
