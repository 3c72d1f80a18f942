package dev.reportsql.build;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The value conversions {@code LambdaMetafactory} applies between a lambda's types, as bytecode. */
final class Conversions {
    private Conversions() {
    }

    static boolean isPrimitive(Type t) {
        return t.getSort() < Type.ARRAY && t.getSort() != Type.VOID;
    }

    private static final Type[] PRIMITIVES = {Type.BOOLEAN_TYPE, Type.CHAR_TYPE, Type.BYTE_TYPE, Type.SHORT_TYPE,
        Type.INT_TYPE, Type.FLOAT_TYPE, Type.LONG_TYPE, Type.DOUBLE_TYPE};
    private static final String[] WRAPPERS = {"java/lang/Boolean", "java/lang/Character", "java/lang/Byte",
        "java/lang/Short", "java/lang/Integer", "java/lang/Float", "java/lang/Long", "java/lang/Double"};

    static Type wrapper(Type primitive) {
        for (int i = 0; i < PRIMITIVES.length; i++) {
            if (PRIMITIVES[i].equals(primitive)) {
                return Type.getObjectType(WRAPPERS[i]);
            }
        }
        throw new IllegalArgumentException("not a primitive: " + primitive);
    }

    /** The primitive a wrapper class holds, or null when the type is no wrapper. */
    static Type unwrapped(Type t) {
        if (t.getSort() == Type.OBJECT) {
            for (int i = 0; i < WRAPPERS.length; i++) {
                if (WRAPPERS[i].equals(t.getInternalName())) {
                    return PRIMITIVES[i];
                }
            }
        }
        return null;
    }

    /** Boxes a primitive on the stack (references stay as they are). */
    static void box(MethodVisitor mv, Type t) {
        if (isPrimitive(t)) {
            Type w = wrapper(t);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, w.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(w, t), false);
        }
    }

    /** An Object on the stack, as the type a captured value had: cast, or cast to its wrapper and unboxed. */
    static void unboxOrCast(MethodVisitor mv, Type t) {
        if (isPrimitive(t)) {
            Type w = wrapper(t);
            mv.visitTypeInsn(Opcodes.CHECKCAST, w.getInternalName());
            unbox(mv, w, t);
        } else if (!t.getDescriptor().equals("Ljava/lang/Object;")) {
            mv.visitTypeInsn(Opcodes.CHECKCAST, t.getInternalName());
        }
    }

    private static void unbox(MethodVisitor mv, Type wrapper, Type primitive) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, wrapper.getInternalName(), primitive.getClassName() + "Value",
                Type.getMethodDescriptor(primitive), false);
    }

    /** A value of type {@code from} on the stack becomes one of type {@code to}, or the build fails. */
    static void convert(MethodVisitor mv, Type from, Type to) {
        if (from.equals(to)) {
            return;
        }
        boolean fromPrimitive = isPrimitive(from);
        boolean toPrimitive = isPrimitive(to);
        if (!fromPrimitive && !toPrimitive) {
            if (!to.getDescriptor().equals("Ljava/lang/Object;")) {
                mv.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
            }
        } else if (fromPrimitive && toPrimitive) {
            widen(mv, from, to);
        } else if (fromPrimitive) {
            box(mv, from);
            convert(mv, wrapper(from), to);
        } else {
            Type held = unwrapped(from);
            if (held == null) {
                Type w = wrapper(to);
                mv.visitTypeInsn(Opcodes.CHECKCAST, w.getInternalName());
                unbox(mv, w, to);
            } else {
                unbox(mv, from, held);
                widen(mv, held, to);
            }
        }
    }

    private static void widen(MethodVisitor mv, Type from, Type to) {
        int f = stackKind(from);
        int t = stackKind(to);
        if (from.equals(to) || f == t && from.getSort() != Type.BOOLEAN && to.getSort() == Type.INT) {
            return;
        }
        if (from.getSort() == Type.BOOLEAN || to.getSort() == Type.BOOLEAN || !widens(from, to)) {
            throw new IllegalStateException("no widening conversion from " + from + " to " + to);
        }
        if (f == Type.INT && t == Type.LONG) {
            mv.visitInsn(Opcodes.I2L);
        } else if (f == Type.INT && t == Type.FLOAT) {
            mv.visitInsn(Opcodes.I2F);
        } else if (f == Type.INT && t == Type.DOUBLE) {
            mv.visitInsn(Opcodes.I2D);
        } else if (f == Type.LONG && t == Type.FLOAT) {
            mv.visitInsn(Opcodes.L2F);
        } else if (f == Type.LONG && t == Type.DOUBLE) {
            mv.visitInsn(Opcodes.L2D);
        } else if (f == Type.FLOAT && t == Type.DOUBLE) {
            mv.visitInsn(Opcodes.F2D);
        }
    }

    /** Java's widening primitive conversions (JLS 5.1.2). */
    private static boolean widens(Type from, Type to) {
        String order;
        switch (from.getSort()) {
            case Type.BYTE:
                order = "SIJFD";
                break;
            case Type.SHORT:
                order = "IJFD";
                break;
            case Type.CHAR:
                order = "IJFD";
                break;
            case Type.INT:
                order = "JFD";
                break;
            case Type.LONG:
                order = "FD";
                break;
            case Type.FLOAT:
                order = "D";
                break;
            default:
                order = "";
        }
        return order.indexOf(to.getDescriptor().charAt(0)) >= 0;
    }

    private static int stackKind(Type t) {
        switch (t.getSort()) {
            case Type.LONG:
                return Type.LONG;
            case Type.FLOAT:
                return Type.FLOAT;
            case Type.DOUBLE:
                return Type.DOUBLE;
            default:
                return Type.INT;
        }
    }

    /** Drops a value of the type from the stack. */
    static void pop(MethodVisitor mv, Type t) {
        if (t.getSize() == 2) {
            mv.visitInsn(Opcodes.POP2);
        } else if (t.getSize() == 1) {
            mv.visitInsn(Opcodes.POP);
        }
    }
}
