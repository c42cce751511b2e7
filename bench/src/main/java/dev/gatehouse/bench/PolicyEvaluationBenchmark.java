package dev.gatehouse.bench;

import dev.gatehouse.policy.AccessRequest;
import dev.gatehouse.policy.ContextKeys;
import dev.gatehouse.policy.Decision;
import dev.gatehouse.policy.ManagedPolicies;
import dev.gatehouse.policy.Policies;
import dev.gatehouse.policy.PolicyEvaluator;
import dev.gatehouse.policy.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision for a permission set (DESIGN.md §5: ≥ 1 M decisions/s per core): each bundled managed policy,
 * and a 20-statement custom policy with conditions and a policy variable, over a rotating mix of requests that
 * are allowed, explicitly denied and implicitly denied. The baseline is what a hard-coded permission table would
 * cost: one hash lookup of the action.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
// Long warm-up: on a busy 2-core machine C2 needs 10-20 s before this code reaches steady state.
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 3, time = 3)
public class PolicyEvaluationBenchmark {

    private static final String ACCOUNT = "123456789012";

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private PolicySet administrator;
    private PolicySet powerUser;
    private PolicySet readOnly;
    private PolicySet viewOnly;
    private PolicySet custom;
    private Set<String> actionTable;
    private AccessRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        administrator = managed("AdministratorAccess");
        powerUser = managed("PowerUserAccess");
        readOnly = managed("ReadOnlyAccess");
        viewOnly = managed("ViewOnlyAccess");
        custom = PolicySet.of(List.of(Policies.parseInline(twentyStatements())));
        actionTable = Set.of("s3:GetObject", "s3:PutObject", "ec2:DescribeInstances", "dynamodb:Query");
        ContextKeys context = ContextKeys.of(Map.of(
                "aws:username", List.of("ed.developer"),
                "aws:PrincipalTag/department", List.of("engineering"),
                "aws:SourceIp", List.of("10.20.30.40"),
                "aws:SecureTransport", List.of("true"),
                "aws:RequestedRegion", List.of("eu-west-1"),
                "aws:CurrentTime", List.of("2026-11-26T14:00:00Z")));
        requests = new AccessRequest[] {
                new AccessRequest("s3:PutObject", "arn:aws:s3:::home-bucket/home/ed.developer/notes.txt", context),
                new AccessRequest("iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/mallory", context),
                new AccessRequest("ec2:DescribeInstances", "*", context),
                new AccessRequest("s3:GetObject", "arn:aws:s3:::prod-data/report.csv", context),
                new AccessRequest("dynamodb:Query", "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/orders", context),
                new AccessRequest("ec2:TerminateInstances", "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":instance/i-0abc", context),
        };
    }

    private static PolicySet managed(String name) {
        return PolicySet.of(List.of(ManagedPolicies.find(name).orElseThrow()));
    }

    /** Twenty statements as a team would write them: service scopes, a home prefix, tag and network conditions. */
    private static String twentyStatements() {
        List<String> statements = new ArrayList<>();
        String[] services = {"sqs", "sns", "lambda", "logs", "cloudwatch", "kms", "secretsmanager", "ssm", "ecr", "ecs",
            "eks", "rds", "elasticache", "kinesis"};
        for (String service : services) {
            statements.add("{\"Effect\":\"Allow\",\"Action\":[\"" + service + ":Get*\",\"" + service
                    + ":List*\",\"" + service + ":Describe*\"],\"Resource\":\"arn:aws:" + service + ":eu-west-1:"
                    + ACCOUNT + ":*\",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}");
        }
        statements.add("{\"Sid\":\"Home\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":"
                + "\"arn:aws:s3:::home-bucket/home/${aws:username}/*\"}");
        statements.add("{\"Sid\":\"Describe\",\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}");
        statements.add("{\"Sid\":\"Tables\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:Query\",\"dynamodb:GetItem\"],"
                + "\"Resource\":\"arn:aws:dynamodb:*:" + ACCOUNT + ":table/*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:PrincipalTag/department\":[\"engineering\",\"data\"]}}}");
        statements.add("{\"Sid\":\"Office\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                + "{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.0.2.0/24\"]}}}");
        statements.add("{\"Sid\":\"Prod\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::prod-*\"}");
        statements.add("{\"Sid\":\"Tls\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":"
                + "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private AccessRequest nextRequest() {
        AccessRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return request;
    }

    @Benchmark
    public Decision administratorAccess(CpuPerOp cpu) {
        cpu.count();
        return evaluator.evaluate(administrator, nextRequest());
    }

    @Benchmark
    public Decision powerUserAccess(CpuPerOp cpu) {
        cpu.count();
        return evaluator.evaluate(powerUser, nextRequest());
    }

    @Benchmark
    public Decision readOnlyAccess(CpuPerOp cpu) {
        cpu.count();
        return evaluator.evaluate(readOnly, nextRequest());
    }

    @Benchmark
    public Decision viewOnlyAccess(CpuPerOp cpu) {
        cpu.count();
        return evaluator.evaluate(viewOnly, nextRequest());
    }

    @Benchmark
    public Decision custom20Statements(CpuPerOp cpu) {
        cpu.count();
        return evaluator.evaluate(custom, nextRequest());
    }

    /** The baseline: a permission table keyed by action, the least any authorization check can cost. */
    @Benchmark
    public boolean baselineActionLookup(CpuPerOp cpu) {
        cpu.count();
        return actionTable.contains(nextRequest().action());
    }
}
