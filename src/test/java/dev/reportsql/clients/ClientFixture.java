package dev.reportsql.clients;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/** A fresh sandbox per client test class; clients connect with the URL, user alice. */
abstract class ClientFixture {
    static SooperwizerSandbox sandbox;
    static String url;

    @BeforeAll
    static void startSandbox() {
        sandbox = SooperwizerSandbox.start();
        url = "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }
}
