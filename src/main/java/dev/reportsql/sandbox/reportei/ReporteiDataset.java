package dev.reportsql.sandbox.reportei;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Reportei sandbox's merchant, customers and customer integrations: deterministic, derived
 * from the customer number, so every run and every JVM sees the same uuids, names and tokens.
 *
 * <p>Rules: customer {@code i} pays unless {@code i % 3 == 0}; its trial ends 14 days after it was
 * created, except for {@code i % 6 == 3}, whose trial runs until 2099, so the non-paying customers
 * with {@code i % 6 == 0} have an ended trial. It has {@code 1 + i % 4} integrations; the first
 * is always active, the others are expired or revoked when {@code (i + j) % 5} is 0 or 1.
 */
final class ReporteiDataset {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String MERCHANT_NAME = "Sandbox Agency";
    static final String MERCHANT_UUID = uuid("merchant").toString();

    /** Integrations the merchant offers, as {@code {name, slug}}, in the merchant settings' order. */
    static final List<Map<String, String>> INTEGRATIONS = integrations(
            "Active Campaign", "active_campaign", "E-goi", "egoi", "Facebook", "facebook",
            "Facebook Ads", "facebook_ads", "Google Ads", "google_ads", "Google Analytics 4", "google_analytics_4",
            "Google My Business", "google_my_business", "Hotmart", "hotmart", "HubSpot CRM", "hubspot_crm",
            "HubSpot Marketing", "hubspot_marketing", "Instagram Business", "instagram_business",
            "LinkedIn", "linkedin", "LinkedIn Ads", "linkedin_ads", "Mailchimp", "mailchimp",
            "Nuvem Shop", "nuvem_shop", "PhoneTrack", "phonetrack", "Pinterest", "pinterest",
            "Pinterest Ads", "pinterest_ads", "Pipedrive", "pipedrive", "RD CRM", "rd_crm",
            "RD Station", "rd_station", "Search Console", "search_console", "TikTok", "tiktok",
            "TikTok Ads", "tiktok_ads", "Twitter Ads", "twitter_ads", "WooCommerce", "woo_commerce",
            "YouTube", "youtube");

    private static final List<String> WORDS = List.of("Bakery", "Studio", "Clinic", "Motors", "Travel", "Fitness",
            "Books", "Coffee", "Dental", "Fashion", "Garden", "Legal");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 2, 9, 0, 0);

    /** One customer integration. */
    record Integration(String uuid, int customer, String name, String slug, String sourceName, String status,
            String createdAt, String updatedAt) {
    }

    /** One customer. */
    record Customer(int number, String uuid, String name, String createdAt, String updatedAt, String trialEndsAt,
            boolean paying, String token, List<Integration> integrations) {
        boolean trialEnded() {
            return !paying && LocalDateTime.parse(trialEndsAt, TIMESTAMP).isBefore(LocalDateTime.now());
        }
    }

    private final List<Customer> customers;
    private final Map<String, Customer> byUuid = new HashMap<>();
    private final Map<String, Customer> byToken = new HashMap<>();
    private final Map<String, Integration> integrationsByUuid = new HashMap<>();

    ReporteiDataset(int customerCount) {
        List<Customer> list = new ArrayList<>();
        for (int i = 1; i <= customerCount; i++) {
            Customer c = customer(i);
            list.add(c);
            byUuid.put(c.uuid(), c);
            byToken.put(c.token(), c);
            c.integrations().forEach(ci -> integrationsByUuid.put(ci.uuid(), ci));
        }
        customers = Collections.unmodifiableList(list);
    }

    List<Customer> customers() {
        return customers;
    }

    Customer customerByUuid(String uuid) {
        return byUuid.get(uuid);
    }

    Customer customerByToken(String token) {
        return token == null ? null : byToken.get(token);
    }

    Integration integration(String uuid) {
        return uuid == null ? null : integrationsByUuid.get(uuid);
    }

    /** The customer token of customer {@code number} (1-based). */
    static String customerToken(int number) {
        return sha256Hex("reportei-sandbox-customer-" + number);
    }

    /** The uuid of integration {@code j} (0-based) of customer {@code number}. */
    static String integrationUuid(int number, int j) {
        return uuid("ci-" + number + "-" + j).toString();
    }

    private static Customer customer(int i) {
        LocalDateTime created = EPOCH.plusHours(7L * i).plusMinutes(i % 60).plusSeconds(i % 47);
        LocalDateTime updated = created.plusDays(i % 30).plusHours(i % 5);
        boolean paying = i % 3 != 0;
        String trialEnds = i % 6 == 3 ? "2099-12-31 23:59:59" : created.plusDays(14).format(TIMESTAMP);
        String name = "Customer " + i + " " + WORDS.get(i % WORDS.size());
        List<Integration> integrations = new ArrayList<>();
        for (int j = 0; j < 1 + i % 4; j++) {
            Map<String, String> kind = INTEGRATIONS.get((i + 9 + j * 11) % INTEGRATIONS.size());
            int s = (i + j) % 5;
            String status = j == 0 || s > 1 ? "active" : s == 0 ? "expired" : "revoked";
            LocalDateTime ciCreated = created.plusDays(1 + j);
            integrations.add(new Integration(integrationUuid(i, j), i, kind.get("name"), kind.get("slug"),
                    kind.get("name") + " account of customer " + i, status, ciCreated.format(TIMESTAMP),
                    ciCreated.plusDays(j * 3L).format(TIMESTAMP)));
        }
        return new Customer(i, uuid("customer-" + i).toString(), name, created.format(TIMESTAMP),
                updated.format(TIMESTAMP), trialEnds, paying, customerToken(i), List.copyOf(integrations));
    }

    /** The API's customer object, as {@code GET /customers} and {@code GET /customers/{uuid}} show it. */
    static Map<String, Object> customerJson(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", c.uuid());
        m.put("name", c.name());
        m.put("created_at", c.createdAt());
        m.put("updated_at", c.updatedAt());
        m.put("trial_ends_at", c.trialEndsAt());
        m.put("is_paying", c.paying());
        m.put("merchant", MERCHANT_NAME);
        return m;
    }

    /** The full customer integration object of {@code GET /customer-integrations[/{uuid}]}. */
    static Map<String, Object> integrationJson(Integration ci) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", ci.uuid());
        m.put("source_name", ci.sourceName());
        m.put("status", ci.status());
        m.put("created_at", ci.createdAt());
        m.put("updated_at", ci.updatedAt());
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("name", ci.name());
        kind.put("slug", ci.slug());
        m.put("integration", kind);
        return m;
    }

    /** The short integration entry inside {@code GET /customers/settings}. */
    static Map<String, Object> settingsIntegrationJson(Integration ci) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", ci.uuid());
        m.put("integration", ci.name());
        m.put("name", ci.sourceName());
        m.put("slug", ci.slug());
        m.put("status", ci.status());
        return m;
    }

    private static List<Map<String, String>> integrations(String... nameSlug) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < nameSlug.length; i += 2) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", nameSlug[i]);
            m.put("slug", nameSlug[i + 1]);
            out.add(Collections.unmodifiableMap(m));
        }
        return Collections.unmodifiableList(out);
    }

    static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("reportei-sandbox:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(64);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
