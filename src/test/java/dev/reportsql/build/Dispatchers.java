package dev.reportsql.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The classes {@link LambdaDesugar} generates: for one host class and one functional interface method,
 * a class whose instances hold a site number and the captured values, with a static factory per site
 * (same descriptor as the {@code invokedynamic} it replaces) and the interface method switching on the
 * number. The conversions between the interface's erased types, the instantiated types and the target's
 * types are the ones {@code LambdaMetafactory} documents: casts, boxing, unboxing and primitive widening.
 */
final class Dispatchers {
    private Dispatchers() {
    }

    static String factoryName(int id) {
        return "f$" + id;
    }

    /** One {@code invokedynamic} lambda site as its bootstrap arguments describe it. */
    record Site(String interfaceName, String samName, Type samType, Handle impl, Type instantiated, Type factoryType) {
        static Site of(InvokeDynamicInsnNode indy) {
            Type factory = Type.getMethodType(indy.desc);
            return new Site(factory.getReturnType().getInternalName(), indy.name, (Type) indy.bsmArgs[0],
                    (Handle) indy.bsmArgs[1], (Type) indy.bsmArgs[2], factory);
        }

        String groupKey() {
            return interfaceName + "." + samName + samType.getDescriptor();
        }

        String siteKey() {
            return factoryType.getDescriptor() + " " + impl + " " + instantiated.getDescriptor();
        }

        boolean samReturnsVoid() {
            return samType.getReturnType() == Type.VOID_TYPE;
        }
    }

    /** How the generated class calls a site's target: the handle itself, or the host's static bridge to it. */
    record Target(int opcode, String owner, String name, String desc, boolean ownerIsInterface, Handle impl) {
        static Target direct(Handle impl) {
            int opcode;
            switch (impl.getTag()) {
                case Opcodes.H_INVOKESTATIC:
                    opcode = Opcodes.INVOKESTATIC;
                    break;
                case Opcodes.H_INVOKEVIRTUAL:
                    opcode = Opcodes.INVOKEVIRTUAL;
                    break;
                case Opcodes.H_INVOKEINTERFACE:
                    opcode = Opcodes.INVOKEINTERFACE;
                    break;
                case Opcodes.H_NEWINVOKESPECIAL:
                    opcode = Opcodes.INVOKESPECIAL;
                    break;
                default:
                    throw new IllegalArgumentException("handle kind " + impl.getTag());
            }
            return new Target(opcode, impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface(), impl);
        }

        static Target bridge(String host, boolean hostIsInterface, String bridge, Handle impl) {
            return new Target(Opcodes.INVOKESTATIC, host, bridge, bridgeDesc(host, impl), hostIsInterface, impl);
        }

        /** The target's parameters as the generated code passes them: the receiver first, if any. */
        Type[] inputs() {
            Type[] params = Type.getArgumentTypes(desc);
            if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
                Type[] withReceiver = new Type[params.length + 1];
                withReceiver[0] = Type.getObjectType(owner);
                System.arraycopy(params, 0, withReceiver, 1, params.length);
                return withReceiver;
            }
            return params;
        }

        Type result() {
            return impl.getTag() == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(owner) : Type.getReturnType(desc);
        }
    }

    static String bridgeDesc(String host, Handle impl) {
        Type[] params = Type.getArgumentTypes(impl.getDesc());
        Type[] all = new Type[params.length + 1];
        all[0] = Type.getObjectType(host);
        System.arraycopy(params, 0, all, 1, params.length);
        return Type.getMethodDescriptor(Type.getReturnType(impl.getDesc()), all);
    }

    /** {@code static R bridge(Host self, args)}: calls the private instance method without virtual dispatch. */
    static MethodNode bridge(String host, boolean hostIsInterface, String name, Handle impl) {
        String desc = bridgeDesc(host, impl);
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC | (hostIsInterface ? Opcodes.ACC_PUBLIC : 0);
        MethodNode m = new MethodNode(access, name, desc, null, null);
        int slot = 0;
        for (Type t : Type.getArgumentTypes(desc)) {
            m.instructions.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
        m.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, host, impl.getName(), impl.getDesc(), hostIsInterface));
        m.instructions.add(new InsnNode(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN)));
        m.maxStack = Math.max(slot, 2);
        m.maxLocals = slot;
        return m;
    }

    /** The sites of one host sharing a functional interface method. */
    static final class Group {
        private final String name;
        private final Site first;
        private final Map<String, Integer> ids = new LinkedHashMap<>();
        private final List<Site> sites = new ArrayList<>();
        private final List<Target> targets = new ArrayList<>();
        private int captures;

        Group(String name, Site first) {
            this.name = name;
            this.first = first;
        }

        String name() {
            return name;
        }

        int add(Site site, Target target) {
            Integer id = ids.get(site.siteKey());
            if (id != null) {
                return id;
            }
            ids.put(site.siteKey(), sites.size());
            sites.add(site);
            targets.add(target);
            captures = Math.max(captures, site.factoryType().getArgumentTypes().length);
            return sites.size() - 1;
        }

        byte[] toBytes(int version) {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected String getCommonSuperClass(String a, String b) {
                    // Every branch of the generated code returns or throws: no two reference types meet.
                    return "java/lang/Object";
                }
            };
            cw.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, name, null,
                    "java/lang/Object", new String[] {first.interfaceName()});
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "id", "I", null, null).visitEnd();
            for (int i = 0; i < captures; i++) {
                cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "c" + i, "Ljava/lang/Object;", null, null)
                        .visitEnd();
            }
            constructor(cw);
            singletons(cw);
            for (int i = 0; i < sites.size(); i++) {
                factory(cw, i, sites.get(i));
            }
            sam(cw);
            cw.visitEnd();
            return cw.toByteArray();
        }

        private String constructorDesc() {
            StringBuilder d = new StringBuilder("(I");
            for (int i = 0; i < captures; i++) {
                d.append("Ljava/lang/Object;");
            }
            return d.append(")V").toString();
        }

        private void constructor(ClassWriter cw) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", constructorDesc(), null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitFieldInsn(Opcodes.PUTFIELD, name, "id", "I");
            for (int i = 0; i < captures; i++) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 2 + i);
                mv.visitFieldInsn(Opcodes.PUTFIELD, name, "c" + i, "Ljava/lang/Object;");
            }
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /**
         * A site that captures nothing evaluates to one instance, as the JDK's factory makes it (code may
         * compare such lambdas by identity): made when the class initialises, which touches nothing else.
         */
        private void singletons(ClassWriter cw) {
            boolean any = false;
            for (int i = 0; i < sites.size(); i++) {
                if (capturesNothing(i)) {
                    cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "i" + i, "L" + name + ";",
                            null, null).visitEnd();
                    any = true;
                }
            }
            if (!any) {
                return;
            }
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            mv.visitCode();
            for (int i = 0; i < sites.size(); i++) {
                if (capturesNothing(i)) {
                    newInstance(mv, i);
                    mv.visitFieldInsn(Opcodes.PUTSTATIC, name, "i" + i, "L" + name + ";");
                }
            }
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private boolean capturesNothing(int id) {
            return sites.get(id).factoryType().getArgumentTypes().length == 0;
        }

        /** {@code new Name(id, null...)}. */
        private void newInstance(MethodVisitor mv, int id) {
            mv.visitTypeInsn(Opcodes.NEW, name);
            mv.visitInsn(Opcodes.DUP);
            push(mv, id);
            for (int i = 0; i < captures; i++) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            }
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", constructorDesc(), false);
        }

        private void factory(ClassWriter cw, int id, Site site) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, factoryName(id),
                    site.factoryType().getDescriptor(), null, null);
            mv.visitCode();
            if (capturesNothing(id)) {
                mv.visitFieldInsn(Opcodes.GETSTATIC, name, "i" + id, "L" + name + ";");
                mv.visitInsn(Opcodes.ARETURN);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
                return;
            }
            mv.visitTypeInsn(Opcodes.NEW, name);
            mv.visitInsn(Opcodes.DUP);
            push(mv, id);
            int slot = 0;
            Type[] args = site.factoryType().getArgumentTypes();
            for (Type t : args) {
                mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                slot += t.getSize();
                Conversions.box(mv, t);
            }
            for (int i = args.length; i < captures; i++) {
                mv.visitInsn(Opcodes.ACONST_NULL);
            }
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", constructorDesc(), false);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private void sam(ClassWriter cw) {
            Type sam = first.samType();
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, first.samName(), sam.getDescriptor(), null, null);
            mv.visitCode();
            Label[] cases = new Label[sites.size()];
            for (int i = 0; i < cases.length; i++) {
                cases[i] = new Label();
            }
            Label unknown = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, name, "id", "I");
            mv.visitTableSwitchInsn(0, cases.length - 1, unknown, cases);
            for (int i = 0; i < cases.length; i++) {
                mv.visitLabel(cases[i]);
                body(mv, sites.get(i), targets.get(i));
            }
            mv.visitLabel(unknown);
            mv.visitTypeInsn(Opcodes.NEW, "java/lang/AssertionError");
            mv.visitInsn(Opcodes.DUP);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/AssertionError", "<init>", "()V", false);
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /** One site: captured values, then the interface method's arguments, converted to the target's inputs. */
        private void body(MethodVisitor mv, Site site, Target target) {
            if (site.impl().getTag() == Opcodes.H_NEWINVOKESPECIAL) {
                mv.visitTypeInsn(Opcodes.NEW, target.owner());
                mv.visitInsn(Opcodes.DUP);
            }
            Type[] inputs = target.inputs();
            Type[] captured = site.factoryType().getArgumentTypes();
            Type[] samArgs = site.samType().getArgumentTypes();
            Type[] instArgs = site.instantiated().getArgumentTypes();
            int in = 0;
            for (int i = 0; i < captured.length; i++, in++) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitFieldInsn(Opcodes.GETFIELD, name, "c" + i, "Ljava/lang/Object;");
                Conversions.unboxOrCast(mv, captured[i]);
                Conversions.convert(mv, captured[i], inputs[in]);
            }
            int slot = 1;
            for (int i = 0; i < samArgs.length; i++, in++) {
                mv.visitVarInsn(samArgs[i].getOpcode(Opcodes.ILOAD), slot);
                slot += samArgs[i].getSize();
                Conversions.convert(mv, samArgs[i], instArgs[i]);
                Conversions.convert(mv, instArgs[i], inputs[in]);
            }
            mv.visitMethodInsn(target.opcode(), target.owner(), target.name(), target.desc(), target.ownerIsInterface());
            Type result = target.result();
            Type instResult = site.instantiated().getReturnType();
            Type samResult = site.samType().getReturnType();
            if (samResult == Type.VOID_TYPE) {
                Conversions.pop(mv, result);
                mv.visitInsn(Opcodes.RETURN);
                return;
            }
            Conversions.convert(mv, result, instResult);
            Conversions.convert(mv, instResult, samResult);
            mv.visitInsn(samResult.getOpcode(Opcodes.IRETURN));
        }

        private static void push(MethodVisitor mv, int value) {
            if (value <= 5) {
                mv.visitInsn(Opcodes.ICONST_0 + value);
            } else if (value <= Byte.MAX_VALUE) {
                mv.visitIntInsn(Opcodes.BIPUSH, value);
            } else {
                mv.visitIntInsn(Opcodes.SIPUSH, value);
            }
        }
    }
}
