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

    static String string(Map<String, Object> o, String key) {
        Object v = o.get(key)
        return v == null ? null : v.toString()
    }

    static boolean flag(Map<String, Object> o, String key) {
        Object v = o.get(key)
        return v != null && (v as boolean)
    }

    static Boolean optionalFlag(Map<String, Object> o, String key) {
        return o.containsKey(key) ? (o.get(key) as Boolean) : null
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
