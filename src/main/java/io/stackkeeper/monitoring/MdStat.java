package io.stackkeeper.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Linux's {@code /proc/mdstat}: each array with its active and required disks and any recovery in progress. */
final class MdStat {

    private static final Pattern ARRAY = Pattern.compile("^(md\\w+)\\s*:\\s*(\\w+)\\s+(\\w+)?");
    private static final Pattern DISKS = Pattern.compile("\\[(\\d+)/(\\d+)]");
    private static final Pattern PROGRESS = Pattern.compile("(recovery|resync|reshape|check)\\s*=\\s*([0-9.]+)%");

    private MdStat() {
    }

    static List<HostSample.MdArray> parse(String text) {
        List<HostSample.MdArray> arrays = new ArrayList<>();
        String name = null;
        String level = null;
        int active = 0;
        int required = 0;
        Double progress = null;
        for (String line : text.split("\n")) {
            Matcher array = ARRAY.matcher(line);
            if (array.find()) {
                if (name != null) {
                    arrays.add(new HostSample.MdArray(name, level, active, required, progress));
                }
                name = array.group(1);
                level = array.group(3) != null && array.group(3).startsWith("raid") ? array.group(3) : array.group(2);
                active = 0;
                required = 0;
                progress = null;
                continue;
            }
            if (name == null) {
                continue;
            }
            Matcher disks = DISKS.matcher(line);
            if (disks.find()) {
                required = Integer.parseInt(disks.group(1));
                active = Integer.parseInt(disks.group(2));
            }
            Matcher recovering = PROGRESS.matcher(line);
            if (recovering.find()) {
                progress = Double.parseDouble(recovering.group(2));
            }
        }
        if (name != null) {
            arrays.add(new HostSample.MdArray(name, level, active, required, progress));
        }
        return arrays;
    }
}
