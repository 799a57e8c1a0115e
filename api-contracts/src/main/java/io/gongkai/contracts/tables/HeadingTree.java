package io.gongkai.contracts.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Headings nested as the levels of their labels say: a heading spans every heading below it, and a heading with none
 * below it is a leaf, one column (or row) of figures. Leaves keep the order in which their labels first appear.
 */
final class HeadingTree {

    /** One heading; the root has no label and stands for the whole table side. */
    static final class Node {
        private final int level;
        private final List<Node> children = new ArrayList<>();
        private String label;
        private int firstLeaf;
        private int leafCount;

        private Node(String label, int level) {
            this.label = label;
            this.level = level;
        }

        String label() {
            return label;
        }

        /** 1 for a top heading; 0 for the root. */
        int level() {
            return level;
        }

        boolean isLeaf() {
            return children.isEmpty();
        }

        /** The index of its first leaf among all leaves. */
        int firstLeaf() {
            return firstLeaf;
        }

        /** How many leaves it spans. */
        int leafCount() {
            return leafCount;
        }

        private Node child(String text) {
            for (Node child : children) {
                if (sameHeading(child.label, text)) {
                    if (text.length() > child.label.length()) {
                        child.label = text;
                    }
                    return child;
                }
            }
            Node child = new Node(text, level + 1);
            children.add(child);
            return child;
        }
    }

    private final Node root = new Node(null, 0);
    private final List<Node> leaves = new ArrayList<>();
    private final List<Node> headings = new ArrayList<>();
    private int depth;

    /** Adds the heading levels of one cell; returns the heading it ends at (the root for no levels). */
    Node add(List<String> levels) {
        if (!leaves.isEmpty()) {
            throw new IllegalStateException("headings are already counted");
        }
        Node node = root;
        for (String level : levels) {
            node = node.child(level);
        }
        return node;
    }

    /** Counts the leaves below every heading; call once, after the last {@link #add}. */
    HeadingTree count() {
        count(root);
        return this;
    }

    private void count(Node node) {
        node.firstLeaf = leaves.size();
        if (node != root) {
            headings.add(node);
            depth = Math.max(depth, node.level);
        }
        if (node.isLeaf()) {
            leaves.add(node);
        }
        for (Node child : node.children) {
            count(child);
        }
        node.leafCount = leaves.size() - node.firstLeaf;
    }

    /** The leaves, in order; the root alone when nothing was below it. */
    List<Node> leaves() {
        return leaves;
    }

    /** Every heading but the root, parents before their children. */
    List<Node> headings() {
        return headings;
    }

    /** The most levels any heading has; 0 when there are none. */
    int depth() {
        return depth;
    }

    /**
     * Whether two labels name the same heading: equal, or one is the other's ordinal alone, as cells.tsv shortens a
     * heading it repeats (三 for 三、本年度办理结果).
     */
    static boolean sameHeading(String a, String b) {
        return a.equals(b) || a.equals(ordinal(b)) || b.equals(ordinal(a));
    }

    private static String ordinal(String label) {
        int end = label.indexOf('、');
        return end < 0 ? null : label.substring(0, end);
    }
}
