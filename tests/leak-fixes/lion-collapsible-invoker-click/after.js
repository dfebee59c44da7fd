// After fix 3071695 (PR #1605): excerpt of packages/collapsible/src/LionCollapsible.js from ing-bank/lion (license MIT)
import { LitElement, html, css } from '@lion/core';
/**
 * Generate random UUID
 */
const uuid = () => Math.random().toString(36).substr(2, 10);
/**
 * `LionCollapsible` is a class for custom collapsible element (`<lion-collapsible>` web component).
 *
 * @customElement lion-collapsible
 * @extends LitElement
 */
export class LionCollapsible extends LitElement {
  // ... (unrelated code omitted)

  constructor() {
    super();
    this.opened = false;
    this.toggle = this.toggle.bind(this);
  }

  connectedCallback() {
    super.connectedCallback();

    const uid = uuid();

    if (this._invokerNode) {
      this._invokerNode.addEventListener('click', this.toggle);
      this._invokerNode.setAttribute('aria-expanded', `${this.opened}`);
      this._invokerNode.setAttribute('id', `collapsible-invoker-${uid}`);
      this._invokerNode.setAttribute('aria-controls', `collapsible-content-${uid}`);
    }

    if (this._contentNode) {
      this._contentNode.setAttribute('aria-labelledby', `collapsible-invoker-${uid}`);
      this._contentNode.setAttribute('id', `collapsible-content-${uid}`);
    }

    this.__setDefaultState();
  }

  /**
   * Update aria labels on state change.
   * @param {import('@lion/core').PropertyValues } changedProperties
   */
  updated(changedProperties) {
    if (changedProperties.has('opened')) {
      this.__openedChanged();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this._invokerNode) {
      this._invokerNode.removeEventListener('click', this.toggle);
    }
  }

  /**
   * Toggle the current(opened/closed) state.
   * @public
   */
  toggle() {
    this.opened = !this.opened;
    this.requestUpdate();
  }

  // ... (unrelated code omitted)
}
