package dev.retort.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.ModuleNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.UnaryMinusExpression
import org.codehaus.groovy.ast.expr.UnaryPlusExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.EmptyStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.SourceUnit

/**
 * Decides at compile time whether a script's operations depend on its text alone, so that a recording
 * of them may be replayed by later runs (the plan cache). Only this shape passes: header calls and
 * {@code upgrade}/{@code downgrade}/{@code change} at the top, and inside the blocks only DSL operations
 * whose arguments are literals (strings, numbers, booleans, null, lists and maps of literals) or nested
 * DSL blocks. Anything else (a variable, {@code System.getenv}, {@code new File}, {@code LocalDate.now()},
 * {@code db}, a helper method, a GString) may read the world, so the script runs live every time.
 */
@CompileStatic
final class LiteralBodyCheck implements CompilationUnit.ISourceUnitOperation {
    private static final Set<String> HEADER = ['revision', 'revises', 'message', 'created', 'branchLabels', 'dependsOn',
                                               'transaction', 'lockTimeout', 'statementTimeout'] as Set
    private static final Set<String> BLOCKS = ['upgrade', 'downgrade', 'change'] as Set
    // MigrationOperations that only build records; extensionAvailable, db, connection and offline ask the server
    private static final Set<String> OPERATIONS = ['sql', 'sqlFile', 'execute', 'autocommit', 'safetyAssured', 'createTable', 'dropTable',
            'renameTable', 'addColumn', 'dropColumn', 'renameColumn', 'alterColumn', 'createIndex', 'dropIndex', 'renameIndex',
            'commentOnTable', 'commentOnColumn', 'addForeignKey', 'addUniqueConstraint', 'addCheckConstraint',
            'validateConstraint', 'dropConstraint', 'renameConstraint', 'createEnum', 'addEnumValue', 'dropEnum',
            'createExtension', 'dropExtension', 'createSchema', 'dropSchema', 'bulkInsert', 'backfill', 'createHypertable',
            'addRetentionPolicy', 'removeRetentionPolicy', 'addCompressionPolicy', 'removeCompressionPolicy', 'notice'] as Set
    private static final Set<String> TABLE = ['column', 'primaryKey', 'unique', 'check', 'foreignKey'] as Set
    // which vocabulary a block passed to an operation speaks
    private static final Map<String, Set<String>> NESTED = [createTable: TABLE, autocommit: OPERATIONS, safetyAssured: OPERATIONS,
                                                            upgrade: OPERATIONS, downgrade: OPERATIONS, change: OPERATIONS]

    /** True after the compile when every block passed. */
    boolean literal

    @Override
    void call(SourceUnit source) {
        literal = check(source.AST)
    }

    private static boolean check(ModuleNode module) {
        if (!module.methods.isEmpty()) {
            return false
        }
        for (ClassNode c : module.classes) {
            if (!c.isScript()) {
                return false
            }
        }
        Set<String> vocabulary = HEADER + BLOCKS
        return statements(module.statementBlock, vocabulary)
    }

    private static boolean statements(Statement s, Set<String> vocabulary) {
        if (s instanceof EmptyStatement) {
            return true
        }
        if (s instanceof BlockStatement) {
            return ((BlockStatement) s).statements.every { Statement inner -> statements(inner, vocabulary) }
        }
        if (!(s instanceof ExpressionStatement)) {
            return false
        }
        Expression e = ((ExpressionStatement) s).expression
        if (!(e instanceof MethodCallExpression)) {
            return false
        }
        MethodCallExpression call = (MethodCallExpression) e
        String name = call.methodAsString
        if (!call.implicitThis || call.safe || call.spreadSafe || name == null || !vocabulary.contains(name)) {
            return false
        }
        return arguments(call.arguments, NESTED[name])
    }

    private static boolean arguments(Expression args, Set<String> nested) {
        if (!(args instanceof TupleExpression)) {
            return false
        }
        for (Expression a : ((TupleExpression) args).expressions) {
            if (a instanceof ClosureExpression) {
                ClosureExpression c = (ClosureExpression) a
                if (nested == null || c.parameters != null && c.parameters.length > 0 || !statements(c.code, nested)) {
                    return false
                }
            } else if (a instanceof TupleExpression && !(a instanceof ArgumentListExpression)) {
                if (!arguments(a, nested)) {
                    return false
                }
            } else if (!value(a)) {
                return false
            }
        }
        return true
    }

    // a literal: constants, signed numbers, and lists and maps of literals
    private static boolean value(Expression e) {
        if (e instanceof ConstantExpression) {
            return true
        }
        if (e instanceof UnaryMinusExpression) {
            return ((UnaryMinusExpression) e).expression instanceof ConstantExpression
        }
        if (e instanceof UnaryPlusExpression) {
            return ((UnaryPlusExpression) e).expression instanceof ConstantExpression
        }
        if (e instanceof ListExpression) {
            return ((ListExpression) e).expressions.every { Expression x -> value(x) }
        }
        if (e instanceof MapExpression) {
            return ((MapExpression) e).mapEntryExpressions.every { MapEntryExpression m -> value(m.keyExpression) && value(m.valueExpression) }
        }
        return false
    }
}
