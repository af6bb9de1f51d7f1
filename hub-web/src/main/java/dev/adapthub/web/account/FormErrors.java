package dev.adapthub.web.account;

import dev.adapthub.core.common.HubException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field messages for a form shown again after a refused submission. Templates read it as
 * {@code errors.get('name')}; the form keeps what the person typed (except passwords).
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors of(HubException e) {
        return new FormErrors().add(e.field(), e.getMessage());
    }

    public FormErrors add(String field, String message) {
        byField.put(field == null ? "form" : field, message);
        return this;
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }
}
