import type { PluginRegistrar } from '@cong/sdk';

/** The `intake` section of the plugin's configuration (config.schema.json), defaults applied. */
export interface IntakeConfig {
  /** Largest file accepted for an original or an electronic copy, in bytes (capped by the platform's `files.maxBytes`). */
  readonly maxFileBytes: number;
  /** Read scanned originals with OCR (Tesseract with the Vietnamese model) on intake and comparison. */
  readonly ocr: boolean;
  /** The dashboard's default horizon: a deadline within this many working days is at risk. */
  readonly atRiskWorkingDays: number;
}

export const DEFAULT_INTAKE_CONFIG: IntakeConfig = { maxFileBytes: 20 * 1024 * 1024, ocr: true, atRiskWorkingDays: 2 };

export function intakeConfig(reg: PluginRegistrar): IntakeConfig {
  const section = reg.config<{ intake?: Partial<IntakeConfig> }>().intake ?? {};
  return { ...DEFAULT_INTAKE_CONFIG, ...section };
}

/** Sniffed types of a signed original: a PDF (signed, or a scan of the signed paper). */
export const ORIGINAL_TYPES = ['application/pdf'] as const;
/**
 * Sniffed types of an electronic copy: DOCX, legacy DOC (a compound file), and PDF, which is taken so
 * the intake can flag it (GAZ-12 asks for an editable format) rather than refuse it.
 */
export const ELECTRONIC_TYPES = ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/x-cfb', 'application/msword', 'application/pdf'] as const;
