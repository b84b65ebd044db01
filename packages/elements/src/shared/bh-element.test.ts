import { msg } from '@lit/localize';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { unsafeStatic, html as withTag } from 'lit/static-html.js';
import '../all.js';
import { ELEMENTS_VERSION } from '../generated/version.js';
import { applyLocale } from '../localization.js';
import { BhElement } from './bh-element.js';

/** Each test registers its own tags: a page's registry cannot forget a definition. */
let tags = 0;
const freshTag = () => `bh-test-${++tags}`;

class FirstElement extends BhElement {}

/** The console warnings `run` causes; the console is restored afterwards. */
function warningsOf(run: () => void): string[] {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe('BhElement', () => {
  it('carries the version of packages/elements/package.json', async () => {
    const response = await fetch('/packages/elements/package.json');
    const { version } = (await response.json()) as { version: string };
    expect(ELEMENTS_VERSION).to.equal(version);
    expect(BhElement.version).to.equal(version);
    for (const tag of ['bh-provider', 'bh-report-editor', 'bh-signoff-queue']) {
      const element = customElements.get(tag) as typeof BhElement | undefined;
      expect(element?.version, tag).to.equal(version);
      expect(element?.prototype, tag).to.be.instanceOf(BhElement);
    }
  });

  it('registers a class under a tag that is free', () => {
    const tag = freshTag();
    FirstElement.define(tag);
    expect(customElements.get(tag)).to.equal(FirstElement);
  });

  it('leaves the same class alone when it is defined again, without a warning', () => {
    const tag = freshTag();
    class Element extends BhElement {}
    Element.define(tag);
    expect(warningsOf(() => Element.define(tag))).to.deep.equal([]);
    expect(customElements.get(tag)).to.equal(Element);
  });

  it('leaves a class of the same version from a second copy of the package alone, without a warning', () => {
    const tag = freshTag();
    class Original extends BhElement {}
    class SecondCopy extends BhElement {}
    Original.define(tag);
    expect(warningsOf(() => SecondCopy.define(tag))).to.deep.equal([]);
    expect(customElements.get(tag)).to.equal(Original);
  });

  it('keeps the first registration and warns, without throwing, when another version holds the tag', () => {
    const tag = freshTag();
    class Older extends BhElement {
      static override readonly version = '0.0.1';
    }
    class Newer extends BhElement {}
    Older.define(tag);
    const warnings = warningsOf(() => Newer.define(tag));
    expect(customElements.get(tag)).to.equal(Older);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(`<${tag}>`).and.include('0.0.1').and.include(ELEMENTS_VERSION);
  });

  it('warns about a tag taken by something that is no Berichtsheft element', () => {
    const tag = freshTag();
    customElements.define(tag, class extends HTMLElement {});
    const warnings = warningsOf(() => FirstElement.define(tag));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('unknown');
  });

  it('registers a class under a second tag as an alias that behaves the same', async () => {
    const first = freshTag();
    const alias = freshTag();
    class Element extends BhElement {}
    Element.define(first);
    Element.define(alias);
    const aliased = customElements.get(alias);
    expect(aliased).not.to.equal(Element);
    const instance = document.createElement(alias);
    expect(instance).to.be.instanceOf(Element);
    expect((aliased as typeof BhElement).version).to.equal(ELEMENTS_VERSION);
  });

  it('re-renders every element when the language changes, without a decorator of its own', async () => {
    class Speaking extends BhElement {
      protected override render() {
        return html`${msg('Erneut versuchen')}`;
      }
    }
    const tag = freshTag();
    Speaking.define(tag);
    const element = await fixture<Speaking>(withTag`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`);
    const text = () => element.shadowRoot?.textContent?.trim();
    expect(text()).to.equal('Erneut versuchen');
    try {
      await applyLocale('en');
      await waitUntil(() => text() === 'Try again', 'the element stayed German');
    } finally {
      await applyLocale('de');
    }
  });

  it('still refuses a name that is no valid tag', () => {
    expect(() => FirstElement.define('nohyphen')).to.throw();
  });
});
