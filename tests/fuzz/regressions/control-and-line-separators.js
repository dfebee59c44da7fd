const a = 1; b = 2; function f() {
 c = [];}�
