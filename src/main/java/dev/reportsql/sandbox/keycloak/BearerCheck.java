package dev.reportsql.sandbox.keycloak;

/** Turns a bearer token into the caller it stands for, or refuses it (the API then answers 403). */
public interface BearerCheck {
    /**
     * @param token the token after {@code Bearer }, or null when the request had none
     * @throws TokenRejected with the reason, which the sandbox records but never puts the token in
     */
    Caller check(String token) throws TokenRejected;

    /** Why a token was refused; the message never contains the token. */
    public final class TokenRejected extends Exception {
        private static final long serialVersionUID = 1L;

        public TokenRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
