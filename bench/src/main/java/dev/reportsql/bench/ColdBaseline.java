package dev.reportsql.bench;

/**
 * Child JVM of the cold case, baseline side: a new JVM with OkHttp and Jackson, token then get-data,
 * reading the first row into its types. Prints FIRST_ROW the moment it has it. Arguments: Keycloak
 * URL, API URL, user, password, get-data body, column kinds ({@link ColumnKinds#spec}).
 */
public final class ColdBaseline {
    private ColdBaseline() {
    }

    public static void main(String[] args) throws Exception {
        BareClient client = new BareClient(args[0], args[1]);
        String token = client.token(args[2], args[3]);
        BareClient.Scan scan = client.getData(token, args[4], ColumnKinds.parse(args[5]), null, 0, 1);
        System.out.println("FIRST_ROW " + scan.rows());
        System.out.flush();
    }
}
