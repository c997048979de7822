import { draftBody } from '../src/cli/import/body.ts';
import { textBlocks } from '../src/cli/import/read-file.ts';
console.log(JSON.stringify(draftBody(textBlocks('(一)项目情况\n1.数量指标:全年救助约1,200人,发放资金300余万元.\n2.质量指标:发放率100%.\n(二)问题')).markdown));
