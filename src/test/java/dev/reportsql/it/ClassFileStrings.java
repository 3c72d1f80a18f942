package dev.reportsql.it;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the string literals ({@code CONSTANT_String}) of a class file: the names a class may hand to
 * {@code Class.forName} or a resource lookup, which no static dependency analysis follows.
 */
final class ClassFileStrings {
    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileStrings() {
    }

    static List<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: // Utf8
                    utf8[i] = in.readUTF();
                    break;
                case 8: // String: index of its Utf8
                    strings.add(in.readUnsignedShort());
                    break;
                case 7: case 16: case 19: case 20: // Class, MethodType, Module, Package
                    in.readUnsignedShort();
                    break;
                case 15: // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: // 4-byte entries
                    in.readInt();
                    break;
                case 5: case 6: // Long, Double take two slots
                    in.readLong();
                    i++;
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        List<String> result = new ArrayList<>(strings.size());
        for (int index : strings) {
            result.add(utf8[index]);
        }
        return result;
    }
}
