// The .qc circuit language (ANTLR 4.13). This grammar is the specification of the syntax;
// meaning (types, scopes, sizes) is checked by the binder in src/QCircuitDsl.Compiler/Binding.
// Words such as `amplitude`, `expval`, `probs` or gate names are plain identifiers here, so a user
// may name a parameter `state`; the binder gives them meaning and reports unknown ones by name.
grammar QCircuit;

compilationUnit
    : namespaceDeclaration? declaration* EOF
    ;

namespaceDeclaration
    : 'namespace' qualifiedName ';'
    ;

qualifiedName
    : Identifier ('.' Identifier)*
    ;

declaration
    : circuitDeclaration
    | layerDeclaration
    | specializeDeclaration
    ;

// Instantiations for which the generator emits straight-line kernels (besides a circuit's all-default one).
// Arguments follow a gate call's argument list, positional or named:
//     specialize sim14(6), sim14(n = 10), sim14(12, layers = 2);
specializeDeclaration
    : 'specialize' specializeTarget (',' specializeTarget)* ';'
    ;

specializeTarget
    : Identifier '(' (specializeArgument (',' specializeArgument)*)? ')'
    ;

specializeArgument
    : (Identifier '=')? expression
    ;

// circuit name(int n, int layers = 1) { ... }
circuitDeclaration
    : 'circuit' Identifier '(' (formalParameter (',' formalParameter)*)? ')' block
    ;

formalParameter
    : 'int' Identifier ('=' expression)?
    ;

// Layers bind a circuit into a trainable model part: which circuit, and where each of its parameter
// arrays comes from. Every clause has one shape, `keyword target? (from source)?;`, so new kinds of layer
// need no new syntax:
//     memory sim14(n);                          the recurrent state (QRNN)
//     drive theta from controller(hidden, gelu); angles per sample and step from a classical controller
//     inputs features;                           input width per step
layerDeclaration
    : 'layer' Identifier '(' (formalParameter (',' formalParameter)*)? ')' '{' layerClause* '}'
    ;

// The keyword may also be one of the language's own words (circuit, encode, readout), which projection
// layers use.
layerClause
    : keyword=(Identifier | 'circuit' | 'encode' | 'readout') layerTerm? ('from' layerTerm)? ';'
    ;

layerTerm
    : Identifier ('(' (expression (',' expression)*)? ')')?
    ;

block
    : '{' statement* '}'
    ;

statement
    : qubitDeclaration
    | paramDeclaration
    | letStatement
    | forStatement
    | encodeStatement
    | readoutStatement
    | gateStatement
    ;

// qubit[n] q;
qubitDeclaration
    : 'qubit' '[' expression ']' Identifier ';'
    ;

// param theta[layers][4 * n];
paramDeclaration
    : 'param' Identifier ('[' expression ']')+ ';'
    ;

// let r = l % (n - 1) + 1;
letStatement
    : 'let' Identifier '=' expression ';'
    ;

// for int i in [0 : n - 1] ...   (bounds inclusive; [start : step : end] as in OpenQASM 3)
forStatement
    : 'for' 'int'? Identifier 'in' '[' expression ':' expression (':' expression)? ']' (block | statement)
    ;

// encode amplitude(x[16]) q;
encodeStatement
    : 'encode' Identifier '(' Identifier '[' expression ']' ')' operand (',' operand)* ';'
    ;

// readout expval(x, y, z) each q;   readout pauli(z q[0], x q[2]);   readout probs q;   readout state;
readoutStatement
    : 'readout' Identifier ('(' readoutArgument (',' readoutArgument)* ')')? 'each'? (operand (',' operand)*)? ';'
    ;

readoutArgument
    : Identifier operand?
    ;

// ctrl @ inv @ ry(2 * theta[i] + pi / 2) q[0], q[1] with w = weights[l];
gateStatement
    : modifier* Identifier ('(' (expression (',' expression)*)? ')')? operand (',' operand)* withClause? ';'
    ;

modifier
    : 'ctrl' ('(' expression ')')? '@'   # ctrlModifier
    | 'inv' '@'                          # invModifier
    ;

withClause
    : 'with' parameterBinding (',' parameterBinding)*
    ;

parameterBinding
    : Identifier '=' expression
    ;

operand
    : Identifier indexer?
    ;

indexer
    : '[' expression (':' expression)? ']'
    ;

expression
    : '(' expression ')'                                   # parenthesizedExpression
    | Identifier '(' (expression (',' expression)*)? ')'   # callExpression
    | expression indexer                                   # indexExpression
    | op=('-' | '+') expression                            # unaryExpression
    | <assoc = right> expression '^' expression            # powerExpression
    | expression op=('*' | '/' | '%') expression           # multiplicativeExpression
    | expression op=('+' | '-') expression                 # additiveExpression
    | Integer                                              # integerLiteral
    | Real                                                 # realLiteral
    | Identifier                                           # nameExpression
    ;

Identifier
    : [a-zA-Z_] [a-zA-Z0-9_]*
    ;

Real
    : [0-9]+ '.' [0-9]* Exponent?
    | '.' [0-9]+ Exponent?
    | [0-9]+ Exponent
    ;

Integer
    : [0-9]+
    ;

fragment Exponent
    : [eE] [+-]? [0-9]+
    ;

LineComment
    : '//' ~[\r\n]* -> skip
    ;

BlockComment
    : '/*' .*? '*/' -> skip
    ;

Whitespace
    : [ \t\r\n\u000C]+ -> skip
    ;

// Anything else becomes a token the parser rejects with a located message, instead of a lexer
// error with ANTLR's wording.
Unexpected
    : .
    ;
