package io.gongkai.contracts.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the nested shape a submission takes: a group of cells (an object in JSON) or a cell (a number).
 * The shape follows the dotted cell keys, so the tree is derived from the cell list and never written by hand.
 */
public final class FormNode {

    private final String name;
    private final String path;
    private final String pointer;
    private final Cell cell;
    private final Optional<Cell> optionalCell;
    private final Map<String, FormNode> children = new LinkedHashMap<>();
    private String description = "";

    private FormNode(String name, String path, Cell cell) {
        this.name = name;
        this.path = path;
        this.pointer = "/" + path.replace('.', '/');
        this.cell = cell;
        this.optionalCell = Optional.ofNullable(cell);
    }

    static FormNode root(List<Cell> cells) {
        FormNode root = new FormNode("", "", null);
        for (Cell cell : cells) {
            String[] segments = cell.key().split("\\.");
            FormNode node = root;
            for (int i = 0; i < segments.length; i++) {
                boolean leaf = i == segments.length - 1;
                String childPath = node.path.isEmpty() ? segments[i] : node.path + "." + segments[i];
                FormNode parent = node;
                node = parent.children.computeIfAbsent(segments[i],
                        name -> new FormNode(name, childPath, leaf ? cell : null));
                if (leaf != node.isCell()) {
                    throw new IllegalArgumentException("cell key " + cell.key() + " clashes with a group of cells");
                }
            }
        }
        return root;
    }

    public String name() {
        return name;
    }

    /** Dotted path from the root; for a cell, its key. */
    public String path() {
        return path;
    }

    public String pointer() {
        return pointer;
    }

    public boolean isCell() {
        return cell != null;
    }

    public Optional<Cell> cell() {
        return optionalCell;
    }

    public Map<String, FormNode> children() {
        return Collections.unmodifiableMap(children);
    }

    /** The official heading of a group, or the label of a cell. */
    public String description() {
        return isCell() ? cell.label() : description;
    }

    void describe(String description) {
        this.description = description;
    }

    /** Every node below this one, depth first. */
    public List<FormNode> descendants() {
        List<FormNode> all = new java.util.ArrayList<>();
        for (FormNode child : children.values()) {
            all.add(child);
            all.addAll(child.descendants());
        }
        return all;
    }
}
