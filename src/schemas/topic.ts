import { z } from 'astro/zod';

/** The bureau's own domains, in the order the portal lists them. */
export const TOPICS = [
  '社会救助',
  '优抚安置与退役军人',
  '社区治理',
  '社会组织',
  '社会工作',
  '养老服务',
  '儿童福利与未成年人保护',
  '殡葬管理',
  '区划地名',
  '婚姻登记',
  '慈善与福彩',
  '党风廉政与政务服务',
] as const;

export const topicSchema = z.enum(TOPICS);
export type Topic = z.infer<typeof topicSchema>;

/** ASCII URL slugs (/topics/<slug>/) and English names for the topics. */
export const TOPIC_INFO = {
  社会救助: { slug: 'social-assistance', en: 'Social assistance' },
  优抚安置与退役军人: { slug: 'veterans', en: 'Veterans and entitled groups' },
  社区治理: { slug: 'community-governance', en: 'Community governance' },
  社会组织: { slug: 'social-organisations', en: 'Social organisations' },
  社会工作: { slug: 'social-work', en: 'Social work' },
  养老服务: { slug: 'elderly-care', en: 'Elderly care' },
  儿童福利与未成年人保护: { slug: 'child-welfare', en: 'Child welfare and protection of minors' },
  殡葬管理: { slug: 'funeral-management', en: 'Funeral management' },
  区划地名: { slug: 'place-names', en: 'Administrative divisions and place names' },
  婚姻登记: { slug: 'marriage-registration', en: 'Marriage registration' },
  慈善与福彩: { slug: 'charity-and-lottery', en: 'Charity and welfare lottery' },
  党风廉政与政务服务: { slug: 'integrity-and-services', en: 'Integrity and government services' },
} as const satisfies Record<Topic, { slug: string; en: string }>;
