/**
 * What one connection did, kept for the {@code sys} schema: its recent API calls
 * ({@link dev.reportsql.observe.RequestLog}) and statements ({@link dev.reportsql.observe.QueryLog}).
 * Both are bounded rings owned by the connection, so a user only ever sees their own activity.
 * This package depends on the JDK only; the HTTP layer and the adapters write to it, the JDBC
 * layer and the {@code sys} tables read it.
 */
package dev.reportsql.observe;
