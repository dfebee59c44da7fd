// JSX: a lower-case tag is an intrinsic element (a string once compiled), a capitalised one or a
// member expression names a variable; attribute names, namespaced names and closing tags are not
// uses; expressions in braces (attribute values, spreads and children) are.
#include "binder_fixture.h"

static void intrinsic_and_component_tags(void **state) {
  (void)state;
  bound *b = bind_js("import Widget from './w';\n"
                     "const _priv = 1, $d = 2, ui = {};\n"
                     "export const el = <div>\n"
                     "  <Widget />\n"
                     "  <_priv />\n"
                     "  <$d />\n"
                     "  <ui.Panel.Body />\n"
                     "  <span></span>\n"
                     "  <Unknown></Unknown>\n"
                     "</div>;\n",
                     LL_SOURCE_DETECT);
  assert_int_equal(count_refs(b, "div") + count_refs(b, "span"), 0);
  assert_int_equal(count_bindings(b, "div"), 0);
  assert_ptr_equal(ref_nth(b, "Widget", 0)->target, binding_nth(b, "Widget", 0));
  assert_ptr_equal(ref_nth(b, "_priv", 0)->target, binding_nth(b, "_priv", 0));
  assert_ptr_equal(ref_nth(b, "$d", 0)->target, binding_nth(b, "$d", 0));
  assert_string_equal(flags_of(b, ref_nth(b, "Widget", 0)), "read");
  // A member tag reads its object; the property names are not variables, lower case or not.
  assert_ptr_equal(ref_nth(b, "ui", 0)->target, binding_nth(b, "ui", 0));
  assert_int_equal(count_refs(b, "Panel") + count_refs(b, "Body"), 0);
  // The closing tag repeats the name: one use, not two.
  assert_int_equal(count_refs(b, "Unknown"), 1);
  assert_null(ref_nth(b, "Unknown", 0)->target);
  assert_int_equal(b->model->n_refs, 5);
  assert_int_equal(binding_nth(b, "Widget", 0)->n_reads, 1);
  bound_free(b);
}

static void attributes_and_children(void **state) {
  (void)state;
  bound *b =
      bind_js("function View(props) {\n"
              "  const handler = () => props.onClick();\n"
              "  return (\n"
              "    <Panel {...props} onClick={handler} label=\"title\" hidden data-id={id}>\n"
              "      text with words {child} {/* a comment */}\n"
              "      <svg:rect xlink:href=\"#a\" />\n"
              "      {items.map((item) => <Row key={item.id} item={item} />)}\n"
              "    </Panel>\n"
              "  );\n"
              "}\n",
              LL_SOURCE_SCRIPT);
  // Attribute names are not uses, not even namespaced ones, nor the parts of a namespaced tag.
  for (const char *const *name =
           (const char *const[]){"onClick", "label", "hidden", "data", "key", "svg", "rect",
                                 "xlink", "href", "text", "words", "a", NULL};
       *name; name++)
    if (count_refs(b, *name)) fail_msg("%s is not a reference", *name);
  // Values, spreads and children in braces are.
  const ll_binding *props = binding_nth(b, "props", 0);
  assert_int_equal(count_refs(b, "props"), 2);
  assert_ptr_equal(ref_nth(b, "props", 1)->target, props);
  assert_ptr_equal(ref_at(b, "handler}")->target, binding_nth(b, "handler", 0));
  assert_null(ref_at(b, "id}")->target);
  assert_null(ref_at(b, "child}")->target);
  assert_null(ref_at(b, "items")->target);
  assert_null(ref_at(b, "Panel {")->target);
  assert_int_equal(count_refs(b, "Panel"), 1);
  // An arrow in a child expression is a function like any other.
  const ll_binding *item = binding_nth(b, "item", 0);
  assert_int_equal(item->kind, LL_BIND_PARAM);
  assert_int_equal(item->n_reads, 2);
  assert_false(ll_scope_captures(scope_at(b, "(item)"), item));
  assert_null(ref_at(b, "Row")->target);
  assert_true(ll_scope_captures(scope_at(b, "() => props"), props));
  bound_free(b);
}

static void fragments_and_nested_elements(void **state) {
  (void)state;
  bound *b = bind_js("const List = () => <>\n"
                     "  <List.Item value={List} />\n"
                     "  <>{List}</>\n"
                     "</>;\n",
                     LL_SOURCE_SCRIPT);
  const ll_binding *list = binding_nth(b, "List", 0);
  assert_int_equal(count_refs(b, "List"), 3);
  for (int i = 0; i < 3; i++) {
    assert_ptr_equal(ref_nth(b, "List", i)->target, list);
    assert_ptr_equal(ref_nth(b, "List", i)->from, scope_at(b, "() =>"));
  }
  assert_true(ll_scope_captures(scope_at(b, "() =>"), list));
  assert_int_equal(b->model->n_errors, 0);
  bound_free(b);
}

int main(void) {
  fixture_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(intrinsic_and_component_tags),
      cmocka_unit_test(attributes_and_children),
      cmocka_unit_test(fragments_and_nested_elements),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
