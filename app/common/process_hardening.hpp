#pragma once
// What a program that handles residents' data does to its own process before anything else.
// A core dump of a card read would hold the PIN and the full My Number as they passed through
// PC/SC (issue #20): the programs that read cards or cases switch core dumps off, which also
// keeps other local users' debuggers out (PR_SET_DUMPABLE guards ptrace attach as well).
namespace madoguchi::app {

// prctl(PR_SET_DUMPABLE, 0): no core file, no ptrace by another process of the same user.
void keepSecretsOutOfCoreDumps();

// As the kernel says now (PR_GET_DUMPABLE), for --version and its test.
bool coreDumpsAllowed();

} // namespace madoguchi::app
