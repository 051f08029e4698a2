import { escapeXml, slugify } from '@cong/sdk';
import type { DocumentRow, IssueRow } from '../publication/publication-database.js';
import { issueNumbers } from '../public/gazette-reads.js';
import { typeName } from '../public/pages.js';
import type { PublicSite } from '../public/public-site.js';

const xml = escapeXml;

/**
 * A document as Akoma Ntoso 3.0 (OASIS LegalDocML): FRBR identification of the work (the document as
 * signed), the expression (its Vietnamese text) and the manifestation (this XML), the publication in
 * the gazette issue, references to the issuer and the gazette, a preface with type, number, title
 * and date, and the full text as a body of paragraphs (one per line of text). Every text is escaped.
 */
export function akomaNtoso(site: PublicSite, doc: DocumentRow, issue: IssueRow, generatedOn: string): string {
  const country = 'vn';
  const work = `/akn/${country}/act/${doc.eli_path.replace(/^\/eli\//, '')}`;
  const expression = `${work}/vie@${doc.published_on}`;
  const manifestation = `${expression}/!main.xml`;
  const issuer = `/akn/ontology/organizations/${country}/${slugify(doc.issuing_agency) || 'issuer'}`;
  const gazette = `/akn/ontology/organizations/${country}/cong-bao-${site.office.slug}`;
  const paragraphs = doc.full_text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // The body needs at least one paragraph; a document without text gets an empty one.
  if (paragraphs.length === 0) paragraphs.push('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="${xml(doc.document_type)}">
    <meta>
      <identification source="#cong-bao">
        <FRBRWork>
          <FRBRthis value="${xml(`${work}/!main`)}"/>
          <FRBRuri value="${xml(work)}"/>
          <FRBRalias name="eli" value="${xml(site.url(doc.eli_path))}"/>
          <FRBRdate date="${xml(doc.signed_on)}" name="signature"/>
          <FRBRauthor href="#issuer"/>
          <FRBRcountry value="${country}"/>
          <FRBRnumber value="${xml(doc.number_symbol)}"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="${xml(`${expression}/!main`)}"/>
          <FRBRuri value="${xml(expression)}"/>
          <FRBRdate date="${xml(doc.published_on)}" name="publication"/>
          <FRBRauthor href="#issuer"/>
          <FRBRlanguage language="vie"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="${xml(manifestation)}"/>
          <FRBRuri value="${xml(`${expression}.akn`)}"/>
          <FRBRdate date="${xml(generatedOn)}" name="generation"/>
          <FRBRauthor href="#cong-bao"/>
        </FRBRManifestation>
      </identification>
      <publication date="${xml(issue.publication_date)}" name="${xml(`Công báo ${site.office.nameVi}`)}" showAs="${xml(`Công báo ${site.office.nameVi}, số ${issueNumbers(issue)}/${issue.year}, trang ${doc.first_page}–${doc.last_page}`)}" number="${xml(issueNumbers(issue))}"/>
      <references source="#cong-bao">
        <TLCOrganization eId="issuer" href="${xml(issuer)}" showAs="${xml(doc.issuing_agency)}"/>
        <TLCOrganization eId="cong-bao" href="${xml(gazette)}" showAs="${xml(`Công báo ${site.office.nameVi}`)}"/>
        <TLCPerson eId="signer" href="${xml(`/akn/ontology/persons/${country}/${slugify(doc.signer) || 'signer'}`)}" showAs="${xml(doc.signer)}"/>
      </references>
    </meta>
    <preface>
      <p class="title"><docType>${xml(typeName(doc.document_type))}</docType> <docNumber>${xml(doc.number_symbol)}</docNumber></p>
      <p><docTitle>${xml(doc.summary)}</docTitle></p>
      <p><docAuthority>${xml(doc.issuing_agency)}</docAuthority>, <docDate date="${xml(doc.signed_on)}">${xml(doc.signed_on)}</docDate></p>
    </preface>
    <body>
${paragraphs.map((p, i) => `      <paragraph eId="para_${i + 1}"><content><p>${xml(p)}</p></content></paragraph>`).join('\n')}
    </body>
  </act>
</akomaNtoso>
`;
}
