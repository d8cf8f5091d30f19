package dev.retort.dsl

import dev.retort.ScriptException
import groovy.transform.CompileStatic

/** Checks named options so a typo (colums:) is an error with the list of known names, not silently ignored. */
@CompileStatic
final class Options {
    private Options() {}

    static Map<String, Object> check(String operation, Map<String, Object> given, Collection<String> known) {
        Map<String, Object> options = given ?: [:]
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new ScriptException("${operation}: unknown option '${key}:' (known: ${known.join(', ')})")
            }
        }
        return options
    }

    /** The schema: option of an operation that takes no other (null: the search path's). */
    static String schemaOnly(String operation, Map<String, Object> given) {
        return string(check(operation, given, ['schema']), 'schema')
    }

    static String string(Map<String, Object> o, String key) {
        Object v = o.get(key)
        return v == null ? null : v.toString()
    }

    // a boolean option takes true or false: Groovy truth would make 'false' and 'no' mean true
    static boolean flag(Map<String, Object> o, String key) {
        Boolean v = optionalFlag(o, key)
        return v != null && v
    }

    static Boolean optionalFlag(Map<String, Object> o, String key) {
        if (!o.containsKey(key) || o.get(key) == null) {
            return null
        }
        Object v = o.get(key)
        if (!(v instanceof Boolean)) {
            String shown = v instanceof CharSequence ? "'${v}' (a string)" : "${v} (a ${v.getClass().simpleName})"
            throw new ScriptException("option '${key}:' takes true or false, got ${shown}; write ${key}: true or ${key}: false, without quotes")
        }
        return (Boolean) v
    }

    static List<String> strings(Map<String, Object> o, String key) {
        Object v = o.get(key)
        if (v == null) {
            return null
        }
        if (v instanceof Collection) {
            return ((Collection<?>) v).collect { it.toString() }
        }
        return [v.toString()]
    }

    static String required(String operation, Map<String, Object> o, String key) {
        String v = string(o, key)
        if (v == null) {
            throw new ScriptException("${operation}: missing option '${key}:'")
        }
        return v
    }
}
