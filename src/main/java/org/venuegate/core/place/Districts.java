package org.venuegate.core.place;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Tianjin's sixteen districts by administrative division code (GB/T 2260), as carried in venue codes. */
public final class Districts {
    private static final Map<Integer, String[]> TIANJIN = new LinkedHashMap<>();

    static {
        add(120101, "和平区", "Heping");
        add(120102, "河东区", "Hedong");
        add(120103, "河西区", "Hexi");
        add(120104, "南开区", "Nankai");
        add(120105, "河北区", "Hebei");
        add(120106, "红桥区", "Hongqiao");
        add(120110, "东丽区", "Dongli");
        add(120111, "西青区", "Xiqing");
        add(120112, "津南区", "Jinnan");
        add(120113, "北辰区", "Beichen");
        add(120114, "武清区", "Wuqing");
        add(120115, "宝坻区", "Baodi");
        add(120116, "滨海新区", "Binhai New Area");
        add(120117, "宁河区", "Ninghe");
        add(120118, "静海区", "Jinghai");
        add(120119, "蓟州区", "Jizhou");
    }

    private Districts() {
    }

    private static void add(int code, String zh, String en) {
        TIANJIN.put(code, new String[] {zh, en});
    }

    public static boolean known(int code) {
        return TIANJIN.containsKey(code);
    }

    public static Map<Integer, String> all(boolean english) {
        Map<Integer, String> out = new LinkedHashMap<>();
        TIANJIN.forEach((k, v) -> out.put(k, v[english ? 1 : 0]));
        return out;
    }

    public static Optional<String> name(int code, boolean english) {
        String[] names = TIANJIN.get(code);
        return names == null ? Optional.empty() : Optional.of(names[english ? 1 : 0]);
    }
}
