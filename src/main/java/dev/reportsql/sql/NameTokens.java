package dev.reportsql.sql;

import static org.apache.calcite.sql.parser.babel.SqlBabelParserImplConstants.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.apache.calcite.sql.parser.babel.SimpleCharStream;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImplTokenManager;
import org.apache.calcite.sql.parser.babel.Token;

/**
 * Babel's tokens, with keywords PostgreSQL does not reserve turned into plain names where their
 * keyword meaning cannot apply; reports use every one of them as a column name. Each decision
 * looks at most one token back and one ahead:
 * <ul>
 * <li>{@code UUID}, {@code DATE}, {@code TIME}, {@code TIMESTAMP}, {@code INTERVAL} are type names: keywords right
 * after {@code ::}, after {@code AS} directly inside {@code CAST}/{@code TRY_CAST}/{@code SAFE_CAST}
 * parentheses, and after {@code RETURNING}. The date words are also keywords before a string
 * ({@code DATE '2025-01-31'}), before {@code (} (a precision or a function call), before
 * {@code WITH}/{@code WITHOUT} and in {@code TIME ZONE}. {@code INTERVAL} is a keyword after
 * {@code ::} or {@code CAST (... AS} and before a string, a number, a sign, {@code ?} or
 * {@code (} ({@code INTERVAL '3' DAY}); so a column named {@code interval} needs quotes before
 * {@code -} or {@code +}.</li>
 * <li>{@code ROWS} and {@code RANGE} start a window frame or end {@code OFFSET}/{@code FETCH}
 * counts, so they always follow a complete expression or a window's {@code (}. Where an expression
 * may start instead (after {@code SELECT}, a comma, an operator, {@code WHERE}, {@code BY}, ...)
 * they are names.</li>
 * <li>{@code PARTITION} is a keyword only before {@code BY}; {@code CURRENT} only before
 * {@code ROW} or {@code VALUE}; {@code NEXT} only after {@code FETCH} or before {@code VALUE},
 * {@code ROW} or {@code (}.</li>
 * <li>{@code RUNNING} and {@code FINAL} mean something only inside {@code MATCH_RECOGNIZE (...)}.
 * Babel lets them stand as names, but also reads {@code ORDER BY running DESC} as the prefix
 * {@code RUNNING} applied to a column named {@code DESC}.</li>
 * </ul>
 * Inside {@code MATCH_RECOGNIZE (...)} every word keeps its keyword meaning. The parser asks for
 * tokens once each, in order, so holding one token back keeps the stream intact.
 */
final class NameTokens extends SqlBabelParserImplTokenManager {
    private enum Paren { CAST, WINDOW, MATCH_RECOGNIZE, OTHER }

    /** Tokens after which an expression (so a column name) may start. */
    private static final Set<Integer> EXPRESSION_MAY_START = Set.of(SELECT, COMMA, DOT, WHERE, AND, OR, NOT, BY, ON,
            WHEN, THEN, ELSE, HAVING, QUALIFY, DISTINCT, ALL, BETWEEN, CASE, LPAREN, LBRACKET, AS, FROM, JOIN, LIKE,
            ILIKE, RLIKE, EQ, NE, NE2, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT_REMAINDER, CONCAT, CARET,
            NAMED_ARGUMENT_ASSIGNMENT);

    private static final Set<Integer> STRINGS = Set.of(QUOTED_STRING, PREFIXED_STRING_LITERAL, UNICODE_STRING_LITERAL,
            C_STYLE_ESCAPED_STRING_LITERAL, BIG_QUERY_QUOTED_STRING, BIG_QUERY_DOUBLE_QUOTED_STRING);

    private static final Set<Integer> NUMBERS = Set.of(UNSIGNED_INTEGER_LITERAL, DECIMAL_NUMERIC_LITERAL,
            APPROX_NUMERIC_LITERAL);

    private final Deque<Paren> parens = new ArrayDeque<>();
    private int matchRecognizeDepth;
    private int previous = -1;
    private Token ahead;

    NameTokens(SimpleCharStream chars) {
        super(chars);
    }

    @Override
    public Token getNextToken() {
        Token t = ahead != null ? ahead : super.getNextToken();
        ahead = needsLookahead(t.kind) ? super.getNextToken() : null;
        if (matchRecognizeDepth == 0 && isName(t.kind, ahead == null ? -1 : ahead.kind)) {
            t.kind = IDENTIFIER;
        }
        if (t.kind == LPAREN) {
            Paren p = opened(previous);
            parens.push(p);
            matchRecognizeDepth += p == Paren.MATCH_RECOGNIZE ? 1 : 0;
        } else if (t.kind == RPAREN && !parens.isEmpty()) {
            matchRecognizeDepth -= parens.pop() == Paren.MATCH_RECOGNIZE ? 1 : 0;
        }
        previous = t.kind;
        return t;
    }

    private static boolean needsLookahead(int kind) {
        return kind == DATE || kind == TIME || kind == TIMESTAMP || kind == INTERVAL || kind == PARTITION
                || kind == NEXT || kind == CURRENT;
    }

    private boolean isName(int kind, int next) {
        return switch (kind) {
            case UUID -> !typeExpected();
            case DATE, TIME, TIMESTAMP -> !typeExpected() && !STRINGS.contains(next) && next != LPAREN
                    && next != WITH && next != WITHOUT && next != ZONE;
            case INTERVAL -> !typeExpected() && !STRINGS.contains(next) && !NUMBERS.contains(next) && next != LPAREN
                    && next != HOOK && next != MINUS && next != PLUS;
            case ROWS, RANGE -> EXPRESSION_MAY_START.contains(previous)
                    && !(previous == LPAREN && parens.peek() == Paren.WINDOW);
            case PARTITION -> next != BY;
            case CURRENT -> next != ROW && next != VALUE;
            case NEXT -> previous != FETCH && next != VALUE && next != ROW && next != LPAREN;
            case RUNNING, FINAL -> true;
            default -> false;
        };
    }

    private boolean typeExpected() {
        return previous == INFIX_CAST || previous == RETURNING || previous == AS && parens.peek() == Paren.CAST;
    }

    private static Paren opened(int before) {
        return switch (before) {
            case CAST, TRY_CAST, SAFE_CAST -> Paren.CAST;
            // OVER (...) and WINDOW w AS (...) hold window specifications.
            case OVER, AS -> Paren.WINDOW;
            case MATCH_RECOGNIZE -> Paren.MATCH_RECOGNIZE;
            default -> Paren.OTHER;
        };
    }
}
