package dev.reportsql.build;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongBinaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Fixture of {@link LambdaDesugarTest}: every shape of lambda and method reference the rewrite handles
 * (and one it leaves alone), each evaluated into a line of text, so the original and the rewritten class
 * can be compared line by line.
 */
@SuppressWarnings({"Convert2MethodRef", "unused"})
public class LambdaShapes {
    private final String name;

    public LambdaShapes(String name) {
        this.name = name;
    }

    /** A functional interface of ours, with a default method holding lambdas of its own. */
    interface Tri<A, B, C, R> {
        R apply(A a, B b, C c);

        default Supplier<String> describe(String tag) {
            Supplier<String> inner = () -> "static-in-interface";
            return () -> tag + "/" + inner.get() + "/" + apply(null, null, null);
        }

        static Tri<Integer, Long, Double, String> summing() {
            return (a, b, c) -> String.valueOf(a + b + c);
        }
    }

    /** Base and subclass whose lambda bodies get the same synthetic name: each must run its own. */
    static class Base {
        protected final String id;

        Base(String id) {
            this.id = id;
        }

        Supplier<String> make() {
            return () -> "base:" + id;
        }
    }

    static final class Derived extends Base {
        Derived(String id) {
            super(id);
        }

        @Override
        Supplier<String> make() {
            return () -> "derived:" + id;
        }

        Supplier<String> baseMake() {
            return super.make();
        }
    }

    private String privateHelper(String s) {
        return name + "+" + s;
    }

    private static int privateStatic(String s) {
        return s.length() * 3;
    }

    static Supplier<String> constant() {
        return () -> "constant";
    }

    /** The lines: a label and what the lambda gave. */
    public static List<String> run() {
        List<String> out = new ArrayList<>();
        out.add("identity " + (constant() == constant()));
        int i = 7;
        long l = 1L << 40;
        double d = 2.5;
        boolean b = true;
        char c = 'q';
        byte by = 3;
        IntFunction<String> prims = x -> i + "," + l + "," + d + "," + b + "," + c + "," + by + "," + x;
        out.add("captured primitives " + prims.apply(11));
        LambdaShapes self = new LambdaShapes("me");
        Function<String, String> bound = self::privateHelper;
        out.add("private instance ref " + bound.apply("x"));
        out.add("instance lambda " + self.instanceLambda().get());
        ToIntFunction<String> privStatic = LambdaShapes::privateStatic;
        out.add("private static ref " + privStatic.applyAsInt("abcd"));
        ToIntFunction<String> parse = Integer::parseInt;
        out.add("static ref " + parse.applyAsInt("42"));
        Function<String, Integer> length = String::length;
        out.add("unbound ref, boxed result " + length.apply("hello"));
        ToLongFunction<String> widened = String::length;
        out.add("widened result " + widened.applyAsLong("four"));
        String prefix = "pre";
        Function<String, String> concat = prefix::concat;
        out.add("bound ref " + concat.apply("fix"));
        Supplier<List<String>> newList = ArrayList::new;
        List<String> made = newList.get();
        made.add("a");
        out.add("constructor ref " + made);
        Function<String, StringBuilder> newBuilder = StringBuilder::new;
        out.add("constructor ref with argument " + newBuilder.apply("sb").reverse());
        IntFunction<int[]> newArray = int[]::new;
        out.add("array constructor " + newArray.apply(4).length);
        Function<Object, List<Object>> listOf = List::of;
        out.add("interface static ref " + listOf.apply("only"));
        Function<Integer, String> hex = Integer::toHexString;
        out.add("unboxed argument " + hex.apply(255));
        BiFunction<Integer, Integer, Integer> sum = Integer::sum;
        out.add("unboxed arguments, boxed result " + sum.apply(40, 2));
        List<String> sink = new ArrayList<>();
        Consumer<String> adder = sink::add;
        adder.accept("dropped boolean");
        out.add("void interface, value dropped " + sink);
        Tri<String, String, String, String> tri = (x, y, z) -> x + y + z;
        out.add("own interface " + tri.apply("t", "r", "i"));
        out.add("default method lambdas " + tri.describe("tag").get());
        out.add("interface static lambda " + Tri.summing().apply(1, 2L, 0.5));
        Base base = new Base("b1");
        Derived derived = new Derived("d1");
        out.add("same-named bodies " + base.make().get() + " " + derived.baseMake().get() + " " + derived.make().get());
        List<Supplier<String>> loop = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int kk = k;
            loop.add(() -> "k" + kk);
        }
        StringBuilder looped = new StringBuilder();
        for (Supplier<String> s : loop) {
            looped.append(s.get());
        }
        out.add("loop captures " + looped);
        Comparator<String> byLength = (x, y) -> x.length() - y.length();
        List<String> sorted = new ArrayList<>(List.of("ccc", "a", "bb"));
        sorted.sort(byLength.thenComparing(Comparator.naturalOrder()));
        out.add("comparator " + sorted);
        double cap = 0.25;
        long big = 3L;
        LongBinaryOperator wide = (x, y) -> (long) (x * y * big + cap * 4);
        out.add("long slots " + wide.applyAsLong(1L << 33, 5L));
        DoubleUnaryOperator abs = Math::abs;
        out.add("double ref " + abs.applyAsDouble(-1.5));
        UnaryOperator<String> upper = String::toUpperCase;
        out.add("inherited interface method " + upper.apply("up"));
        Predicate<String> empty = String::isEmpty;
        out.add("boolean result " + empty.test("") + " " + empty.negate().test(""));
        Runnable serializable = (Runnable & Serializable) () -> out.add("serializable ran");
        serializable.run();
        Object nullCapture = null;
        Supplier<String> nullable = () -> String.valueOf(nullCapture);
        out.add("null capture " + nullable.get());
        return out;
    }

    Supplier<String> instanceLambda() {
        return () -> "instance of " + name;
    }
}
