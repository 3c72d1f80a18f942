package dev.reportsql.sql;

import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.calcite.sql.parser.babel.SimpleCharStream;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImplConstants;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImplTokenManager;
import org.apache.calcite.sql.parser.babel.Token;

/**
 * Babel's tokens, with three keywords turned into plain names where their keyword meaning cannot
 * apply. PostgreSQL reserves none of them, and reports use them as column names:
 * <ul>
 * <li>{@code UUID} is a type name, so it stays a keyword only right after {@code ::}, or after
 * {@code AS} directly inside the parentheses of {@code CAST}, {@code TRY_CAST} or
 * {@code SAFE_CAST}. Calcite 1.42 reserves it, Babel included.</li>
 * <li>{@code RUNNING} and {@code FINAL} mean something only inside {@code MATCH_RECOGNIZE (...)}.
 * Babel lets them stand as names, but also reads {@code ORDER BY running DESC} as the prefix
 * {@code RUNNING} applied to a column named {@code DESC}.</li>
 * </ul>
 * The parser asks for tokens once each, in order, so the context is known when a token is made.
 */
final class NameTokens extends SqlBabelParserImplTokenManager {
    private enum Paren { CAST, MATCH_RECOGNIZE, OTHER }

    private final Deque<Paren> parens = new ArrayDeque<>();
    private int matchRecognizeDepth;
    private int previous = -1;

    NameTokens(SimpleCharStream chars) {
        super(chars);
    }

    @Override
    public Token getNextToken() {
        Token t = super.getNextToken();
        if (t.kind == SqlBabelParserImplConstants.UUID && !typeExpected()
                || isPatternWord(t.kind) && matchRecognizeDepth == 0) {
            t.kind = SqlBabelParserImplConstants.IDENTIFIER;
        }
        if (t.kind == SqlBabelParserImplConstants.LPAREN) {
            Paren p = opened(previous);
            parens.push(p);
            matchRecognizeDepth += p == Paren.MATCH_RECOGNIZE ? 1 : 0;
        } else if (t.kind == SqlBabelParserImplConstants.RPAREN && !parens.isEmpty()) {
            matchRecognizeDepth -= parens.pop() == Paren.MATCH_RECOGNIZE ? 1 : 0;
        }
        previous = t.kind;
        return t;
    }

    private boolean typeExpected() {
        return previous == SqlBabelParserImplConstants.INFIX_CAST
                || previous == SqlBabelParserImplConstants.AS && parens.peek() == Paren.CAST;
    }

    private static boolean isPatternWord(int kind) {
        return kind == SqlBabelParserImplConstants.RUNNING || kind == SqlBabelParserImplConstants.FINAL;
    }

    private static Paren opened(int before) {
        if (before == SqlBabelParserImplConstants.CAST || before == SqlBabelParserImplConstants.TRY_CAST
                || before == SqlBabelParserImplConstants.SAFE_CAST) {
            return Paren.CAST;
        }
        return before == SqlBabelParserImplConstants.MATCH_RECOGNIZE ? Paren.MATCH_RECOGNIZE : Paren.OTHER;
    }
}
