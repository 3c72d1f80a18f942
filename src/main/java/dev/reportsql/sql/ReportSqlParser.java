package dev.reportsql.sql;

import java.io.Reader;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.ParseException;
import org.apache.calcite.sql.parser.babel.SimpleCharStream;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.babel.Token;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.util.SourceStringReader;

/**
 * The driver's SQL parser: Calcite's Babel parser, which takes most keywords PostgreSQL does not
 * reserve as plain names ({@code value}, {@code start}, {@code year}, {@code rank}, ...), with two
 * changes. {@code uuid} (a type name Calcite 1.42 reserves), {@code running} and {@code final} are
 * names too outside the few places that need the keyword ({@link NameTokens}); and a syntax error
 * at a word the parser still reserves says to quote it. Planning (Calcite's connection property {@code parserFactory}) and the driver's own
 * parsing before planning both use {@link #FACTORY}, so they agree on every statement.
 */
public final class ReportSqlParser extends SqlBabelParserImpl {
    /** Makes parsers; named by {@code parserFactory} as {@code dev.reportsql.sql.ReportSqlParser#FACTORY}. */
    public static final SqlParserImplFactory FACTORY = ReportSqlParser::create;

    /** How the driver parses: PostgreSQL's quotes, names kept as written, Calcite's lenient conformance. */
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withQuotedCasing(Casing.UNCHANGED)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.LENIENT)
            .withParserFactory(FACTORY);

    /** The same, with no hints in its errors: the parser that tries whether quoting a word helps. */
    private static final SqlParser.Config QUIET = CONFIG.withParserFactory(reader -> create(reader, false));

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int WORDS_TRIED = 3;

    private final Chars chars;
    private final boolean hints;

    private ReportSqlParser(Chars chars, boolean hints) {
        super(new NameTokens(chars));
        this.chars = chars;
        this.hints = hints;
    }

    private static SqlAbstractParserImpl create(Reader reader) {
        return create(reader, true);
    }

    private static SqlAbstractParserImpl create(Reader reader, boolean hints) {
        // Babel's own factory sizes the character buffer to the statement; so does this one.
        String sql = reader instanceof SourceStringReader s ? s.getSourceString() : null;
        int buffer = sql == null ? 4096 : Math.max(sql.length(), 1);
        ReportSqlParser parser = new ReportSqlParser(new Chars(reader, buffer), hints);
        if (sql != null) {
            parser.setOriginalSql(sql);
        }
        return parser;
    }

    /** The parser's keywords: which are reserved, which are function names. */
    public static SqlAbstractParserImpl.Metadata metadata() {
        return create(new StringReader("")).getMetadata();
    }

    /** Babel's version sets it on the stream only its Reader constructor makes, which this parser has not. */
    @Override
    public void setTabSize(int tabSize) {
        chars.tabSize(tabSize);
    }

    @Override
    public void ReInit(Reader reader) {
        chars.ReInit(reader, 1, 1);
        ReInit(new NameTokens(chars));
    }

    /** The character stream, with its tab size settable from here (Calcite's parser sets it to 1). */
    private static final class Chars extends SimpleCharStream {
        Chars(Reader reader, int buffer) {
            super(reader, 1, 1, buffer);
        }

        void tabSize(int size) {
            setTabSize(size);
        }
    }

    /** Calcite's message, plus the way out when a word the parser reserves is what stopped it. */
    @Override
    public SqlParseException normalizeException(Throwable ex) {
        SqlParseException e = super.normalizeException(ex);
        String word = hints ? reservedWordAt(ex) : null;
        if (word == null) {
            return e;
        }
        String message = e.getMessage();
        int eol = message.indexOf('\n');
        String first = eol < 0 ? message : message.substring(0, eol);
        String rest = eol < 0 ? "" : message.substring(eol);
        String hint = (first.endsWith(".") ? " " : ". ") + "'" + word + "' is a reserved word; where it is a name, "
                + "write it in double quotes (\"" + word + "\").";
        return new SqlParseException(first + hint + rest, e.getPos(), e.getExpectedTokenSequences(),
                e.getTokenImages(), e.getCause());
    }

    /**
     * The reserved word, as written, among the first few words from where the parser stopped, whose
     * quoting lets the parser get furthest past it ({@code WHERE offset = 1} stops at {@code WHERE},
     * but it is {@code offset} that needs quotes); null if quoting none of them helps.
     */
    private String reservedWordAt(Throwable ex) {
        String sql = getOriginalSql();
        if (!(ex instanceof ParseException p) || p.currentToken == null || p.currentToken.next == null || sql == null) {
            return null;
        }
        Token stop = p.currentToken.next;
        int from = offset(sql, stop.beginLine, stop.beginColumn);
        if (from < 0) {
            return null;
        }
        Matcher words = WORD.matcher(sql);
        words.region(from, sql.length());
        Metadata keywords = getMetadata();
        String best = null;
        int bestReach = -1;
        for (int tried = 0; tried < WORDS_TRIED && words.find(); tried++) {
            String word = words.group();
            if (!keywords.isReservedWord(word.toUpperCase(Locale.ROOT))) {
                continue;
            }
            int end = words.end() + 2;
            int reach = reach(sql.substring(0, words.start()) + '"' + word + '"' + sql.substring(words.end()));
            if (reach > end && reach > bestReach) {
                best = word;
                bestReach = reach;
            }
        }
        return best;
    }

    /** How far the parser gets: where it fails, or {@code Integer.MAX_VALUE} if the statement parses. */
    private static int reach(String sql) {
        try {
            SqlParser.create(sql, QUIET).parseStmt();
            return Integer.MAX_VALUE;
        } catch (SqlParseException e) {
            SqlParserPos pos = e.getPos();
            return pos == null ? -1 : offset(sql, pos.getLineNum(), pos.getColumnNum());
        }
    }

    /** The offset of a 1-based line and column (the parser counts a tab as one column); -1 if outside. */
    private static int offset(String sql, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = sql.indexOf('\n', at) + 1;
            if (at == 0) {
                return -1;
            }
        }
        int offset = at + column - 1;
        return offset >= 0 && offset <= sql.length() ? offset : -1;
    }
}
