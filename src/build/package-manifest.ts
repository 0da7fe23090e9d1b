/**
 * `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th edition: one SCO launching
 * `index.html`, every file of the package listed, titles in the course language, the
 * passing score, and in 2004 the content setting completion and success itself (without
 * `completionSetByContent` / `objectiveSetByContent` an LMS may mark the course complete
 * as soon as the learner closes it).
 */
import type { CourseDefinition } from '../engine/definition.ts';
import { sectionsFor } from '../engine/scope.ts';
import type { ScormVersion } from '../lms/vocabulary.ts';

/**
 * The score an LMS should treat as a pass: the lowest section pass mark of the track (or of
 * all tracks). A learner who passes every section is always at or above it; one who fails
 * above it is reported just under it (see src/lms/mapping.ts).
 */
export function passingScore(def: CourseDefinition, track: string | null): number {
  const sections = track ? sectionsFor(def, track) : def.assessment.sections;
  return sections.length ? Math.min(...sections.map((s) => s.passingScore)) : 0;
}

/** What a manifest says about the package. */
export interface ManifestInput {
  /** xs:ID: starts with a letter, no spaces or colons. */
  identifier: string;
  version: string;
  /** Organization and item title, in the course language. */
  title: string;
  /** 0–100: what the LMS treats as a pass (see docs/lms-reporting.md). */
  passingScore: number;
  /** Every file of the package but the manifest, relative, with `/`. */
  files: string[];
  launch: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fileList = (files: string[], indent: string) => files.map((f) => `${indent}<file href="${esc(f)}"/>`).join('\n');

/** The SCORM 1.2 manifest (IMS CP 1.1.2 + ADL CP 1.2). */
export function manifest12(m: ManifestInput): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(m.identifier)}" version="${esc(m.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(m.title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${esc(m.title)}</title>
        <adlcp:masteryscore>${Math.round(m.passingScore)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="${esc(m.launch)}">
${fileList(m.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** The SCORM 2004 4th edition manifest (IMS CP 1.1.4 + ADL CP/SEQ/NAV 1.3, IMS SS). */
export function manifest2004(m: ManifestInput): string {
  const measure = (Math.round(m.passingScore) / 100).toFixed(2);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${esc(m.identifier)}" version="${esc(m.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${esc(m.title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${esc(m.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <!-- The course decides success itself (critical questions, sections); the measure documents the pass mark. -->
            <imsss:primaryObjective objectiveID="course" satisfiedByMeasure="false">
              <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <!-- One SCO: the LMS's own previous / next buttons have nowhere to go. -->
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="${esc(m.launch)}">
${fileList(m.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/** The manifest for either version. */
export function manifestFor(version: ScormVersion, m: ManifestInput): string {
  return version === '1.2' ? manifest12(m) : manifest2004(m);
}
