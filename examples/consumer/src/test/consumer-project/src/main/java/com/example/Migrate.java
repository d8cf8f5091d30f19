package com.example;

import dev.retort.Retort;

import javax.sql.DataSource;

/** The application's start-up step: compiled against retort-runtime alone, as an application uses it. */
public final class Migrate {
    private Migrate() {
    }

    public static void upgrade(DataSource dataSource) {
        try (Retort retort = Retort.configure().dataSource(dataSource).locations("migrations").load()) {
            retort.upgrade("head");
        }
    }
}
